/** Logging to the local syslog socket ({@code /dev/log}) as Ganeti's daemons do, for {@code --syslog yes|only}. */
package io.ganeticonfd.logging;
