package io.ganeticonfd.cli;

import io.ganeticonfd.server.Version;
import io.quarkus.runtime.annotations.RegisterForReflection;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code ganeti-confd} command: Ganeti's daemon flags plus ours; the client commands are its subcommands. */
@Command(
        name = "ganeti-confd",
        mixinStandardHelpOptions = true,
        versionProvider = ConfdCommand.VersionText.class,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = "Ganeti configuration daemon: answers confd queries over UDP from config.data.",
        footer = "Every option is also a setting (confd.* in application.properties, CONFD_* in the environment).")
@RegisterForReflection(
        targets = {
            ConfdCommand.class,
            ConfdCommand.VersionText.class,
            ConfdCommand.PortNumber.class,
            ConfdCommand.HttpPortNumber.class,
            ConfdCommand.NonEmpty.class,
            ConfdCommand.SyslogChoice.class
        },
        classNames = "picocli.CommandLine$AutoHelpMixin")
final class ConfdCommand {

    @Option(
            names = {"-f", "--foreground"},
            description = "stay in the foreground (always the case for this command)")
    boolean foreground;

    @Option(
            names = {"-d", "--debug"},
            description = "log every request and reply (debug level)")
    boolean debug;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "PORT",
            converter = PortNumber.class,
            description = "UDP port [1814]")
    Integer port;

    @Option(
            names = {"-b", "--bind"},
            paramLabel = "ADDRESS",
            converter = NonEmpty.class,
            description = "address to listen on [all IPv4 and IPv6 addresses]")
    String bind;

    @Option(names = "--no-user-checks", description = "accepted for compatibility; no effect")
    boolean noUserChecks;

    @Option(
            names = "--syslog",
            paramLabel = "no|yes|only",
            converter = SyslogChoice.class,
            description = "also (yes) or only (only) log to syslog (/dev/log) [no]")
    String syslog;

    @Option(
            names = "--config-file",
            paramLabel = "FILE",
            converter = NonEmpty.class,
            description = "configuration [/var/lib/ganeti/config.data]")
    String configFile;

    @Option(
            names = "--hmac-key-file",
            paramLabel = "FILE",
            converter = NonEmpty.class,
            description = "HMAC key [/var/lib/ganeti/hmac.key]")
    String hmacKeyFile;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            converter = HttpPortNumber.class,
            description = "health, status and metrics port [8814]")
    Integer httpPort;

    @Option(names = "--redact-private", description = "serve private OS parameters and DRBD secrets as \"<redacted>\"")
    boolean redactPrivate;

    @Option(
            names = "--demo",
            description = "serve the bundled DEMO cluster with the DEMO key (never on a real cluster)")
    boolean demo;

    /** The flags as parsed ({@code help} and {@code version} as requested). */
    DaemonFlags flags(boolean help, boolean version) {
        return new DaemonFlags(
                help,
                version,
                foreground,
                debug,
                port,
                bind,
                noUserChecks,
                syslog,
                configFile,
                hmacKeyFile,
                httpPort,
                demo,
                redactPrivate);
    }

    /** {@code -V}: the version line. */
    static final class VersionText implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ganeti-confd " + Version.current() + " (Quarkus, wire-compatible with Ganeti 3.0)"};
        }
    }

    /** A UDP port: 1 to 65535. */
    static final class PortNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return port(value, 1);
        }
    }

    /** An HTTP port: 0 (any free port) to 65535. */
    static final class HttpPortNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return port(value, 0);
        }
    }

    /** A path or address: not blank. */
    static final class NonEmpty implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("a non-empty value is required");
            }
            return value;
        }
    }

    /** Ganeti's {@code --syslog} choices. */
    static final class SyslogChoice implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("no") && !value.equals("yes") && !value.equals("only")) {
                throw new TypeConversionException("'" + value + "' (choose from 'no', 'yes', 'only')");
            }
            return value;
        }
    }

    private static Integer port(String value, int min) {
        try {
            int p = Integer.parseInt(value);
            if (p >= min && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException("invalid port: '" + value + "'");
    }
}
