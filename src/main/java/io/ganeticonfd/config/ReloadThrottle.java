package io.ganeticonfd.config;

/**
 * At most one reload per interval, coalescing bursts, never losing the last change: a change
 * after a quiet period reloads at once; changes within the interval reload when it ends. Times in
 * nanoseconds from any fixed origin. Not thread-safe (used by the watcher thread only).
 */
final class ReloadThrottle {

    /** Returned by {@link #delay} when no change is pending. */
    static final long IDLE = -1;

    private final long minIntervalNanos;
    private boolean pending;
    private boolean reloadedBefore;
    private long lastReloadNanos;

    ReloadThrottle(long minIntervalNanos) {
        this.minIntervalNanos = minIntervalNanos;
    }

    /** Notes that the file changed (or may have). */
    void changed() {
        pending = true;
    }

    /** Nanoseconds until the pending reload is due (0: now), or {@link #IDLE}. */
    long delay(long nowNanos) {
        if (!pending) {
            return IDLE;
        }
        if (!reloadedBefore) {
            return 0;
        }
        return Math.max(0, lastReloadNanos + minIntervalNanos - nowNanos);
    }

    /** Notes that a reload started at {@code nowNanos}. */
    void reloaded(long nowNanos) {
        pending = false;
        reloadedBefore = true;
        lastReloadNanos = nowNanos;
    }
}
