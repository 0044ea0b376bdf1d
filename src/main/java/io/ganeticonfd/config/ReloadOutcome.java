package io.ganeticonfd.config;

/** Result of one reload attempt; used in logs, metric tags, health and status. */
public enum ReloadOutcome {
    /** A new snapshot is served. */
    RELOADED,
    /** The file's content is the one already served; nothing changed. */
    UNCHANGED,
    /** The file could not be loaded; the last good snapshot is still served. */
    FAILED,
    /** The file was read while it was still changing; it is read again once it settles. */
    SUPERSEDED;

    /** The lower-case name used in metrics and JSON. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
