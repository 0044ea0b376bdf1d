package io.ganeticonfd.loadgen;

/**
 * The requests of one bench socket awaiting a reply, by sequence number: open addressing with
 * backward-shift deletion, no allocation after construction. Each entry keeps its latency origin
 * (send time, or scheduled send time in open loop) and its actual send time (for time-outs), as
 * {@code System.nanoTime()} values. Methods are synchronized: in open loop a sender and a receiver share it.
 */
final class InFlightTable {

    private final long[] seqs;
    private final long[] origins;
    private final long[] sentAt;
    private final long[] expired;
    private final int mask;
    private final int bits;
    private int size;

    /** A table for up to {@code capacity} entries (sized at four times that, at least 64 slots). */
    InFlightTable(int capacity) {
        int b = 6;
        while ((1 << b) < 4L * capacity) {
            b++;
        }
        this.bits = b;
        this.mask = (1 << b) - 1;
        this.seqs = new long[1 << b];
        this.origins = new long[1 << b];
        this.sentAt = new long[1 << b];
        this.expired = new long[1 << b];
    }

    /** Number of requests awaiting a reply. */
    synchronized int size() {
        return size;
    }

    /** Adds request {@code seq} (> 0, not present). */
    synchronized void put(long seq, long origin, long sent) {
        int i = slot(seq);
        while (seqs[i] != 0) {
            i = (i + 1) & mask;
        }
        seqs[i] = seq;
        origins[i] = origin;
        sentAt[i] = sent;
        size++;
    }

    /** Removes request {@code seq} and returns its origin, or returns {@link Long#MIN_VALUE} if it is not here. */
    synchronized long take(long seq) {
        for (int i = slot(seq); ; i = (i + 1) & mask) {
            if (seqs[i] == 0) {
                return Long.MIN_VALUE;
            }
            if (seqs[i] == seq) {
                long origin = origins[i];
                delete(i);
                return origin;
            }
        }
    }

    /**
     * Removes every request sent more than {@code timeoutNanos} before {@code now}; returns how many
     * of them had an origin at or after {@code countedFrom}.
     */
    synchronized int expire(long now, long timeoutNanos, long countedFrom) {
        int n = 0;
        for (int i = 0; i <= mask; i++) {
            if (seqs[i] != 0 && now - sentAt[i] > timeoutNanos) {
                expired[n++] = seqs[i];
            }
        }
        int counted = 0;
        for (int k = 0; k < n; k++) {
            long origin = take(expired[k]);
            if (origin != Long.MIN_VALUE && origin - countedFrom >= 0) {
                counted++;
            }
        }
        return counted;
    }

    /** How many requests still waiting have an origin at or after {@code countedFrom}. */
    synchronized int countFrom(long countedFrom) {
        int n = 0;
        for (int i = 0; i <= mask; i++) {
            if (seqs[i] != 0 && origins[i] - countedFrom >= 0) {
                n++;
            }
        }
        return n;
    }

    private int slot(long seq) {
        return (int) ((seq * 0x9E3779B97F4A7C15L) >>> (64 - bits));
    }

    private void delete(int at) {
        int i = at;
        int j = at;
        seqs[i] = 0;
        size--;
        while (true) {
            j = (j + 1) & mask;
            if (seqs[j] == 0) {
                return;
            }
            int k = slot(seqs[j]);
            boolean outside = i <= j ? (k <= i || k > j) : (k <= i && k > j);
            if (outside) {
                seqs[i] = seqs[j];
                origins[i] = origins[j];
                sentAt[i] = sentAt[j];
                seqs[j] = 0;
                i = j;
            }
        }
    }
}
