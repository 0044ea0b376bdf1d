package io.ganeticonfd.config;

/**
 * When to reload a file that changed: once it has been quiet for a short settle time (so a file
 * being written is read when complete), and at most once per interval, coalescing bursts without
 * ever losing the last change. Times in nanoseconds from any fixed origin. Not thread-safe (used
 * by the watcher thread only).
 */
final class ReloadThrottle {

    /** Returned by {@link #delay} when no change is pending. */
    static final long IDLE = -1;

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
        if (!pending) {
            return IDLE;
        }
        long settle = lastChangeNanos + settleNanos - nowNanos;
        long rate = reloadedBefore ? lastReloadNanos + minIntervalNanos - nowNanos : 0;
        return Math.max(0, Math.max(settle, rate));
    }

    /** Notes that a reload started at {@code nowNanos}. */
    void reloaded(long nowNanos) {
        pending = false;
        reloadedBefore = true;
        lastReloadNanos = nowNanos;
    }
}
