package io.ganeticonfd.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.ganeticonfd.cli.ConfdCommandLine;
import io.ganeticonfd.daemon.ConfdMain;

/** A command-line entry point run in-process: its exit code and everything it printed to each stream. */
public record CommandRun(int code, String out, String err) {

    /** The code {@link #jar} gives when the command line would start the daemon. */
    public static final int DAEMON = -1;

    /** A command's {@code run(args, out, err)} returning the exit code. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /** Runs {@code command} with {@code args}, capturing stdout and stderr. */
    public static CommandRun of(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The jar's command line run in-process (no daemon is started: that gives {@link #DAEMON}). */
    public static CommandRun jar(String... args) {
        return of(
                (a, out, err) ->
                        ConfdMain.run(a, out, err) instanceof ConfdCommandLine.Outcome.Exit exit ? exit.code() : DAEMON,
                args);
    }

    /** The jar's {@code command} (query, bench) run in-process with {@code args}. */
    public static CommandRun subcommand(String command, String... args) {
        return jar(Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new));
    }
}
