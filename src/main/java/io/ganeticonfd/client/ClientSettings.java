package io.ganeticonfd.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ganeticonfd.protocol.HmacKey;

/** A client's validated options: key, peers, timing and fan-out, and where futures complete. */
record ClientSettings(
        HmacKey key,
        List<Peer> peers,
        Duration timeout,
        int coverage,
        int retries,
        boolean shuffle,
        Executor callbacks) {

    /** Ganeti's default number of peers asked. */
    static final int DEFAULT_COVERAGE = 6;

    ClientSettings {
        peers = List.copyOf(peers);
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("no peers");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (coverage < 1 || coverage > peers.size()) {
            throw new IllegalArgumentException(
                    "coverage " + coverage + " is not between 1 and the " + peers.size() + " peer(s) known");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
    }

    /** The peers in the order to ask them: shuffled (as Ganeti does) unless disabled. */
    List<Peer> askOrder() {
        if (!shuffle) {
            return peers;
        }
        List<Peer> order = new ArrayList<>(peers);
        Collections.shuffle(order, ThreadLocalRandom.current());
        return order;
    }

    /** The configured peers by address (the first of any with the same address). */
    Map<InetSocketAddress, Peer> peersByAddress() {
        return peers.stream().collect(Collectors.toUnmodifiableMap(Peer::address, Function.identity(), (a, b) -> a));
    }

    /** Runs a future completion on the callback executor (directly if it refuses). */
    void complete(Runnable completion) {
        try {
            callbacks.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }
}
