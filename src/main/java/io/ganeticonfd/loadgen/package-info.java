/** The {@code bench} command: load generation and measurement on {@code protocol}'s codec (no codec of its own). */
package io.ganeticonfd.loadgen;
