package io.ganeticonfd.config;

/** A configuration file that cannot be loaded; the message says why, in one line. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception with this one-line message. */
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
