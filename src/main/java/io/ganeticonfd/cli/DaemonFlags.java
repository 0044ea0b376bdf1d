package io.ganeticonfd.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daemon's command line, as Ganeti's {@code ganeti-confd} takes it plus our own options.
 * {@link #parse} is pure; {@link #toProperties()} maps the flags onto {@code confd.*} settings.
 */
public record DaemonFlags(boolean help, boolean version, boolean foreground, boolean debug, Integer port,
        String bind, boolean noUserChecks, String syslog, String configFile, String hmacKeyFile, Integer httpPort,
        boolean demo, boolean redactPrivate) {

    /** The help text. */
    public static final String USAGE = """
            Usage: ganeti-confd [options]
                   ganeti-confd query [options] TYPE [ARG]   (see: ganeti-confd query --help)

            Ganeti configuration daemon: answers confd queries over UDP from config.data.

            Options (Ganeti's):
              -f, --foreground       stay in the foreground (always the case for this command)
              -d, --debug            log every request and reply (debug level)
              -p, --port PORT        UDP port [1814]
              -b, --bind ADDRESS     address to listen on [all IPv4 and IPv6 addresses]
                  --no-user-checks   accepted for compatibility; no effect
                  --syslog no|yes|only  also (yes) or only (only) log to syslog (/dev/log) [no]
              -h, --help             show this help and exit
              -V, --version          show the version and exit
            Options (ours):
                  --config-file FILE     configuration [/var/lib/ganeti/config.data]
                  --hmac-key-file FILE   HMAC key [/var/lib/ganeti/hmac.key]
                  --http-port PORT       health, status and metrics port [8814]
                  --redact-private       serve private OS parameters and DRBD secrets as "<redacted>"
                  --demo                 serve the bundled DEMO cluster with the DEMO key (never on a real cluster)
            Every option is also a setting (confd.* in application.properties, CONFD_* in the environment).
            """;

    /** Parses {@code args}; throws with a one-line message for an unknown flag or a bad value. */
    public static DaemonFlags parse(String[] args) throws UsageException {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inline = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                inline = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            } else if (arg.length() > 2 && arg.charAt(0) == '-' && arg.charAt(1) != '-' && "pb".indexOf(arg.charAt(1)) >= 0) {
                inline = arg.substring(2);
                arg = arg.substring(0, 2);
            }
            if (takesValue(arg)) {
                if (inline == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option " + arg + " requires a value");
                    }
                    inline = args[++i];
                }
                b.set(arg, inline);
            } else if (inline != null) {
                throw new UsageException("option " + arg + " does not take a value");
            } else {
                b.flag(arg);
            }
        }
        return b.build();
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

    private static boolean takesValue(String flag) {
        return switch (flag) {
            case "-p", "--port", "-b", "--bind", "--syslog", "--config-file", "--hmac-key-file", "--http-port" -> true;
            default -> false;
        };
    }

    private static final class Builder {
        boolean help;
        boolean version;
        boolean foreground;
        boolean debug;
        Integer port;
        String bind;
        boolean noUserChecks;
        String syslog;
        String configFile;
        String hmacKeyFile;
        Integer httpPort;
        boolean demo;
        boolean redactPrivate;

        void flag(String flag) throws UsageException {
            switch (flag) {
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                case "-f", "--foreground" -> foreground = true;
                case "-d", "--debug" -> debug = true;
                case "--no-user-checks" -> noUserChecks = true;
                case "--demo" -> demo = true;
                case "--redact-private" -> redactPrivate = true;
                default -> throw new UsageException(flag.startsWith("-") ? "no such option: " + flag
                        : "unexpected argument: " + flag);
            }
        }

        void set(String flag, String value) throws UsageException {
            switch (flag) {
                case "-p", "--port" -> port = port(flag, value, 1);
                case "-b", "--bind" -> bind = nonEmpty(flag, value);
                case "--syslog" -> {
                    if (!value.equals("no") && !value.equals("yes") && !value.equals("only")) {
                        throw new UsageException("option --syslog: invalid choice: '" + value + "' (choose from 'no', 'yes', 'only')");
                    }
                    syslog = value;
                }
                case "--config-file" -> configFile = nonEmpty(flag, value);
                case "--hmac-key-file" -> hmacKeyFile = nonEmpty(flag, value);
                case "--http-port" -> httpPort = port(flag, value, 0);
                default -> throw new UsageException("no such option: " + flag);
            }
        }

        DaemonFlags build() {
            return new DaemonFlags(help, version, foreground, debug, port, bind, noUserChecks, syslog, configFile,
                    hmacKeyFile, httpPort, demo, redactPrivate);
        }

        private static Integer port(String flag, String value, int min) throws UsageException {
            try {
                int p = Integer.parseInt(value);
                if (p >= min && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("option " + flag + ": invalid port: '" + value + "'");
        }

        private static String nonEmpty(String flag, String value) throws UsageException {
            if (value.isBlank()) {
                throw new UsageException("option " + flag + " requires a non-empty value");
            }
            return value;
        }
    }
}
