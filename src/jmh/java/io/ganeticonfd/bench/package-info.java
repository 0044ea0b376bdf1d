/** JMH benchmarks of the request path and of snapshot building (Maven profile {@code jmh}; see docs/benchmarks.md). */
package io.ganeticonfd.bench;
