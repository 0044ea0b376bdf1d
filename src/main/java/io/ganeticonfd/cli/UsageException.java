package io.ganeticonfd.cli;

/**
 * A command line that cannot be run as given (a bad flag, option or argument of the daemon or of a
 * subcommand); the message is one line for the user, so the exception carries no stack trace.
 */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception with this one-line message. */
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
