/** The command line: Ganeti's daemon flags, and the client commands of the same jar. */
package io.ganeticonfd.cli;
