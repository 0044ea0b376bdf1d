package io.ganeticonfd.config;

/** How file changes are noticed. */
public enum WatchMode {
    /** File-system events plus periodic stat checks. */
    WATCH,
    /** Periodic stat checks only (the file system offers no events). */
    POLL;

    /** The lower-case name used in metrics and JSON. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
