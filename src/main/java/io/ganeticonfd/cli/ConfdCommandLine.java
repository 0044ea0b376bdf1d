package io.ganeticonfd.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The jar's command line, parsed by picocli before Quarkus boots: a client command runs and gives
 * the exit status, {@code --help} and {@code --version} print, a bad command line gives one line
 * {@code ganeti-confd: error: ...} and status 2, and anything else names the daemon's flags.
 */
public final class ConfdCommandLine {

    /** What the command line asks for. */
    public sealed interface Outcome {

        /** Exit with this status (a client command ran, help or version printed, or a usage error). */
        record Exit(int code) implements Outcome {}

        /** Run the daemon with these flags. */
        record RunDaemon(DaemonFlags flags) implements Outcome {}
    }

    /** Exit status of a command line that cannot be run as given. */
    public static final int USAGE_ERROR = 2;

    private ConfdCommandLine() {}

    /** The {@code ganeti-confd} command with these client commands (picocli {@code @Command}s implementing Callable). */
    public static CommandLine tree(Object... clientCommands) {
        CommandLine cl = new CommandLine(new ConfdCommand());
        for (Object command : clientCommands) {
            cl.addSubcommand(command);
        }
        cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        cl.setAllowOptionsAsOptionParameters(true);
        cl.setOverwrittenOptionsAllowed(true);
        return cl;
    }

    /** Runs {@code args} on {@code tree}, printing to {@code out} and {@code err}. */
    public static Outcome run(CommandLine tree, String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        tree.setOut(o);
        tree.setErr(e);
        try {
            ParseResult parsed = tree.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return new Outcome.Exit(0);
            }
            ParseResult sub = parsed.subcommand();
            if (sub == null) {
                return new Outcome.RunDaemon(((ConfdCommand) tree.getCommand()).flags(false, false));
            }
            Callable<Integer> command = sub.commandSpec().commandLine().getCommand();
            return new Outcome.Exit(command.call());
        } catch (ParameterException x) {
            e.println(errorLine(x));
            return new Outcome.Exit(USAGE_ERROR);
        } catch (Exception x) {
            throw new IllegalStateException(x);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The daemon's flags alone (no client command); throws with the one-line message for a bad one. */
    static DaemonFlags daemonFlags(String[] args) throws UsageException {
        CommandLine cl = tree();
        try {
            cl.parseArgs(args);
        } catch (ParameterException x) {
            throw new UsageException(oneLine(x.getMessage()));
        }
        return ((ConfdCommand) cl.getCommand()).flags(cl.isUsageHelpRequested(), cl.isVersionHelpRequested());
    }

    /** The one line for a command line that cannot be run: picocli's message, our prefix, where help is. */
    static String errorLine(ParameterException x) {
        return "ganeti-confd: error: " + oneLine(x.getMessage()) + " (see "
                + x.getCommandLine().getCommandSpec().qualifiedName() + " --help)";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
