package io.ganeticonfd.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daemon's command line, as Ganeti's {@code ganeti-confd} takes it plus our own options, parsed by
 * picocli ({@link ConfdCommand}); {@link #toProperties()} maps the flags onto {@code confd.*} settings.
 */
public record DaemonFlags(
        boolean help,
        boolean version,
        boolean foreground,
        boolean debug,
        Integer port,
        String bind,
        boolean noUserChecks,
        String syslog,
        String configFile,
        String hmacKeyFile,
        Integer httpPort,
        boolean demo,
        boolean redactPrivate) {

    /** Parses the daemon's flags (no client command); throws with a one-line message for an unknown flag or a bad value. */
    public static DaemonFlags parse(String[] args) throws UsageException {
        return ConfdCommandLine.daemonFlags(args);
    }

    /** The {@code confd.*} / {@code quarkus.*} settings these flags override. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        if (debug) {
            p.put("quarkus.log.category.\"io.ganeticonfd\".level", "DEBUG");
        }
        if (port != null) {
            p.put("confd.udp.port", port.toString());
        }
        if (bind != null) {
            p.put("confd.udp.bind", bind);
        }
        if (syslog != null && !syslog.equals("no")) {
            p.put("confd.log.syslog", "true");
            if (syslog.equals("only")) {
                p.put("quarkus.log.console.enabled", "false");
            }
        }
        if (configFile != null) {
            p.put("confd.config.file", configFile);
        }
        if (hmacKeyFile != null) {
            p.put("confd.hmac.key-file", hmacKeyFile);
        }
        if (httpPort != null) {
            p.put("quarkus.http.port", httpPort.toString());
        }
        if (redactPrivate) {
            p.put("confd.config.redact-private", "true");
        }
        if (demo) {
            p.put("confd.daemon.demo", "true");
        }
        return p;
    }
}
