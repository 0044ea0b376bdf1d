package io.ganeticonfd.loadgen;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * What one bench socket counted (requests whose latency origin is in the counted period, except
 * {@code bad} and {@code late}, which count the whole run). In open loop the sender thread writes
 * {@code sent}, {@code sendRefused} and {@code lag}; the receiver thread writes the rest.
 */
final class SocketStats {

    /** Largest latency recorded; longer ones are recorded as this. */
    static final long MAX_NANOS = TimeUnit.HOURS.toNanos(1);

    final Histogram latency = new Histogram(MAX_NANOS, 3);
    final Histogram lag = new Histogram(MAX_NANOS, 3);
    long sent;
    long received;
    long lost;
    long unfinished;
    long bad;
    long late;
    long statusOk;
    long statusError;
    long sendRefused;
    long receiveRefused;
    String firstBad;
    String firstError;

    static void record(Histogram h, long nanos) {
        h.recordValue(Math.max(0, Math.min(nanos, MAX_NANOS)));
    }
}
