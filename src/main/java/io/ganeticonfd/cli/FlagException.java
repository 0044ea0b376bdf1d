package io.ganeticonfd.cli;

/** A command line that cannot be accepted; the message is one line for the user. */
public final class FlagException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception with this one-line message. */
    public FlagException(String message) {
        super(message, null, false, false);
    }
}
