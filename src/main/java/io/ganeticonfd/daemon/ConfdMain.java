package io.ganeticonfd.daemon;

import java.io.IOException;
import java.io.PrintStream;

import io.ganeticonfd.cli.ConfdCommandLine;
import io.ganeticonfd.cli.DaemonFlags;
import io.ganeticonfd.cli.DemoCluster;
import io.ganeticonfd.cli.QueryCommand;
import io.ganeticonfd.cli.SyslogFallback;
import io.ganeticonfd.loadgen.BenchCommand;
import io.ganeticonfd.server.AllocatorDefaults;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import picocli.CommandLine;

/**
 * Entry point of the jar: the command line is parsed (picocli) before Quarkus boots; {@code query}
 * and {@code bench} run in plain Java (no ports bound); anything else is the daemon's command line,
 * mapped onto settings, and the daemon starts.
 */
@QuarkusMain
public final class ConfdMain {

    private ConfdMain() {}

    /** Runs a client command, prints help or version, or starts the daemon. */
    public static void main(String... args) {
        ConfdCommandLine.Outcome outcome = run(args, System.out, System.err);
        if (outcome instanceof ConfdCommandLine.Outcome.Exit exit) {
            System.exit(exit.code());
        }
        DaemonFlags flags = ((ConfdCommandLine.Outcome.RunDaemon) outcome).flags();
        flags.toProperties().forEach(System::setProperty);
        SyslogFallback.settings(
                        flags.syslog(), SyslogFallback.socket(System.getProperties(), System.getenv()), System.err)
                .forEach(System::setProperty);
        if (flags.demo()) {
            try {
                DemoCluster.install().forEach(System::setProperty);
            } catch (IOException e) {
                System.err.println("ganeti-confd: error: cannot unpack the demo cluster: " + e.getMessage());
                System.exit(1);
            }
        }
        AllocatorDefaults.applyTo(System.getProperties());
        Quarkus.run(ConfdApplication.class, args);
    }

    /** Parses {@code args} and runs what needs no daemon, printing to {@code out} and {@code err}. */
    public static ConfdCommandLine.Outcome run(String[] args, PrintStream out, PrintStream err) {
        return ConfdCommandLine.run(commandLine(), args, out, err);
    }

    /** The jar's commands: the daemon, with {@code query} and {@code bench}. */
    public static CommandLine commandLine() {
        return ConfdCommandLine.tree(QueryCommand.commandLine(), new BenchCommand());
    }

    /** The generated {@code --help} of the daemon. */
    public static String usage() {
        return commandLine().getUsageMessage();
    }
}
