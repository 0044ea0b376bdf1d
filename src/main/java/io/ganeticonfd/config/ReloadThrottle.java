package io.ganeticonfd.config;

/**
 * When to reload a file that changed: once it has been quiet for a short settle time (so a file
 * being written is read when complete), and at most once per interval, coalescing bursts without
 * ever losing the last change. A large file may also be read ahead, as soon as the interval allows,
 * and served once it has been quiet for the settle time, provided it did not change meanwhile
 * ({@link #readAheadDelay}, {@link #settleDelay}, {@link #pending}). Times in nanoseconds from any
 * fixed origin. Not thread-safe (used by the watcher thread only).
 */
final class ReloadThrottle {

    /** Returned by {@link #delay} when no change is pending. */
    static final long IDLE = -1;

    /** How long a changed file must be quiet before it is read ahead: 20 ms. */
    static final long READ_AHEAD_QUIET_NANOS = 20_000_000L;

    private final long minIntervalNanos;
    private final long settleNanos;
    private boolean pending;
    private boolean reloadedBefore;
    private long lastChangeNanos;
    private long lastReloadNanos;

    ReloadThrottle(long minIntervalNanos, long settleNanos) {
        this.minIntervalNanos = minIntervalNanos;
        this.settleNanos = settleNanos;
    }

    /** Notes that the file changed (or may have) at {@code nowNanos}. */
    void changed(long nowNanos) {
        pending = true;
        lastChangeNanos = nowNanos;
    }

    /** Nanoseconds until the pending reload is due (0: now), or {@link #IDLE}. */
    long delay(long nowNanos) {
        return due(nowNanos, settleNanos);
    }

    /**
     * Nanoseconds until a reload may start reading ahead of the settle time (0: now), or {@link #IDLE}:
     * once the interval allows and the file has been quiet for {@link #READ_AHEAD_QUIET_NANOS} (or
     * the settle time, if shorter), so that a burst of renames such as a Kubernetes volume update
     * is over before the file is read.
     */
    long readAheadDelay(long nowNanos) {
        return due(nowNanos, Math.min(settleNanos, READ_AHEAD_QUIET_NANOS));
    }

    /**
     * Nanoseconds until a replaced file (a new inode in place: {@link FileStamp#replaces}) may be read
     * (0: now), or {@link #IDLE}: no quiet time, only the interval, since a rename puts a complete file in
     * place at once.
     */
    long replacementDelay(long nowNanos) {
        return due(nowNanos, 0);
    }

    /** Nanoseconds until the file has been quiet for {@code quietNanos} and the interval allows a reload, or IDLE. */
    private long due(long nowNanos, long quietNanos) {
        if (!pending) {
            return IDLE;
        }
        long quiet = lastChangeNanos + quietNanos - nowNanos;
        long rate = reloadedBefore ? lastReloadNanos + minIntervalNanos - nowNanos : 0;
        return Math.max(0, Math.max(quiet, rate));
    }

    /** Nanoseconds until the file has been quiet for the settle time since its last change (0: it has). */
    long settleDelay(long nowNanos) {
        return Math.max(0, lastChangeNanos + settleNanos - nowNanos);
    }

    /** Whether a change is waiting to be loaded (for a read ahead: the file changed after it was read). */
    boolean pending() {
        return pending;
    }

    /** Notes that a reload started at {@code nowNanos}. */
    void reloaded(long nowNanos) {
        pending = false;
        reloadedBefore = true;
        lastReloadNanos = nowNanos;
    }
}
