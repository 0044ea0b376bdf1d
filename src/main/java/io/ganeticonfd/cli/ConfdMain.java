package io.ganeticonfd.cli;

import java.io.IOException;
import java.util.Arrays;

import io.ganeticonfd.loadgen.BenchCommand;
import io.ganeticonfd.server.Version;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the jar: {@code query} runs the client command in plain Java (no ports bound);
 * anything else is the daemon's command line, mapped onto settings before Quarkus boots.
 */
@QuarkusMain
public final class ConfdMain {

    private ConfdMain() {
    }

    /** Runs a client command or the daemon. */
    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("query")) {
            System.exit(QueryCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("bench")) {
            System.exit(BenchCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        DaemonFlags flags;
        try {
            flags = DaemonFlags.parse(args);
        } catch (UsageException e) {
            System.err.println("ganeti-confd: error: " + e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        if (flags.help()) {
            System.out.print(DaemonFlags.USAGE);
            System.exit(0);
        }
        if (flags.version()) {
            System.out.println("ganeti-confd " + Version.current() + " (Quarkus, wire-compatible with Ganeti 3.0)");
            System.exit(0);
        }
        flags.toProperties().forEach(System::setProperty);
        SyslogFallback.settings(flags.syslog(), SyslogFallback.socket(System.getProperties(), System.getenv()), System.err)
                .forEach(System::setProperty);
        if (flags.demo()) {
            try {
                DemoCluster.install().forEach(System::setProperty);
            } catch (IOException e) {
                System.err.println("ganeti-confd: error: cannot unpack the demo cluster: " + e.getMessage());
                System.exit(1);
            }
        }
        Quarkus.run(ConfdApplication.class, args);
    }
}
