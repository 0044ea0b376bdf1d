package io.ganeticonfd.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A timer tick per UDP event loop; a loop whose tick is old is blocked, and the daemon is not live. */
public final class EventLoopHeartbeats {

    /** How often each event loop ticks. */
    static final long PERIOD_MILLIS = 1000;

    private final List<AtomicLong> lastBeats = new CopyOnWriteArrayList<>();

    /** Adds a loop, ticked now; {@link #beat} it with the returned slot. */
    int register() {
        synchronized (lastBeats) {
            lastBeats.add(new AtomicLong(System.currentTimeMillis()));
            return lastBeats.size() - 1;
        }
    }

    void beat(int slot) {
        lastBeats.get(slot).set(System.currentTimeMillis());
    }

    /** Number of event loops ticking. */
    public int loops() {
        return lastBeats.size();
    }

    /** Milliseconds since the least recent tick of any loop (0 when there is none). */
    public long oldestBeatAgeMillis() {
        long now = System.currentTimeMillis();
        long oldest = 0;
        for (AtomicLong beat : lastBeats) {
            oldest = Math.max(oldest, now - beat.get());
        }
        return oldest;
    }
}
