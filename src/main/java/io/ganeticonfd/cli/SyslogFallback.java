package io.ganeticonfd.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.ganeticonfd.logging.SyslogSocketProbe;

/**
 * Decides, before Quarkus boots, whether {@code --syslog yes|only} can log to the local syslog socket;
 * when it cannot, one warning line and the console instead.
 */
public final class SyslogFallback {

    /** The setting naming the socket; read here from a system property or the environment only. */
    static final String SOCKET_SETTING = "confd.log.syslog-socket";

    private static final String SOCKET_VARIABLE = "CONFD_LOG_SYSLOG_SOCKET";

    private SyslogFallback() {}

    /** The socket {@code -Dconfd.log.syslog-socket} or {@code CONFD_LOG_SYSLOG_SOCKET} names, else {@code /dev/log}. */
    public static Path socket(Properties system, Map<String, String> environment) {
        String path = system.getProperty(SOCKET_SETTING, environment.get(SOCKET_VARIABLE));
        return Path.of(path == null || path.isBlank() ? SyslogSocketProbe.DEFAULT_SOCKET : path);
    }

    /**
     * The settings to add to the flags' for {@code choice} ({@code null}, no, yes, only): the socket
     * checked when it takes records; else syslog off and the console on, after a warning on {@code err}.
     */
    public static Map<String, String> settings(String choice, Path socket, PrintStream err) {
        if (choice == null || choice.equals("no")) {
            return Map.of();
        }
        Optional<String> problem = SyslogSocketProbe.problem(socket);
        if (problem.isEmpty()) {
            return Map.of(SOCKET_SETTING, socket.toString());
        }
        err.println("ganeti-confd: warning: no syslog socket at " + socket + " (" + problem.get()
                + "); logging to the console " + (choice.equals("only") ? "instead" : "only"));
        return Map.of("confd.log.syslog", "false", "quarkus.log.console.enabled", "true");
    }
}
