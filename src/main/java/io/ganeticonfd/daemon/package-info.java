/** The jar's entry point: the command line dispatched before Quarkus boots, and the running daemon. */
package io.ganeticonfd.daemon;
