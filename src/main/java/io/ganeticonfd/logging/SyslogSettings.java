package io.ganeticonfd.logging;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Logging to the local syslog socket ({@code confd.log.*}). */
@ConfigMapping(prefix = "confd.log")
public interface SyslogSettings {

    /** Send every log record to {@link #syslogSocket()} too (set by {@code --syslog yes|only}); default false. */
    @WithDefault("false")
    boolean syslog();

    /**
     * The local syslog socket, a Unix datagram socket (where glibc's syslog(3) and so Ganeti's daemons
     * log; rsyslog and journald listen there); default {@code /dev/log}.
     */
    @WithDefault(SyslogSocketProbe.DEFAULT_SOCKET)
    Path syslogSocket();
}
