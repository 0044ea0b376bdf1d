/** HTTP endpoints for operators and Kubernetes: status document and health checks. */
package io.ganeticonfd.http;
