package io.ganeticonfd.server;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicInteger;

/** A timer tick per UDP event loop; a loop whose tick is old is blocked, and the daemon is not live. */
public final class EventLoopHeartbeats {

    /** How often each event loop ticks. */
    static final long PERIOD_MILLIS = 1000;
    private static final int MAX_LOOPS = 256;

    private final AtomicLongArray lastBeat = new AtomicLongArray(MAX_LOOPS);
    private final AtomicInteger loops = new AtomicInteger();

    int register() {
        int slot = loops.getAndIncrement();
        beat(slot);
        return slot;
    }

    void beat(int slot) {
        lastBeat.set(slot, System.currentTimeMillis());
    }

    /** Number of event loops ticking. */
    public int loops() {
        return Math.min(loops.get(), MAX_LOOPS);
    }

    /** Milliseconds since the least recent tick of any loop (0 when there is none). */
    public long oldestBeatAgeMillis() {
        long now = System.currentTimeMillis();
        long oldest = 0;
        for (int i = 0; i < loops(); i++) {
            oldest = Math.max(oldest, now - lastBeat.get(i));
        }
        return oldest;
    }
}
