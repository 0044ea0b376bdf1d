package io.ganeticonfd.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import io.ganeticonfd.protocol.HmacKey;

/** Options of a {@link ConfdClient}: the key and peers are required, everything else has Ganeti's defaults. */
public final class ConfdClientBuilder {

    /** Ganeti's confd port, used for peers given without one. */
    public static final int DEFAULT_PORT = 1814;

    /** How long a request waits for replies unless set otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final HmacKey key;
    private final List<String> peers = new ArrayList<>();
    private int port = DEFAULT_PORT;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Integer coverage;
    private int retries;
    private boolean shuffle = true;
    private Executor callbacks = ForkJoinPool.commonPool();
    private InstantSource clock = InstantSource.system();

    ConfdClientBuilder(HmacKey key) {
        this.key = Objects.requireNonNull(key);
    }

    /** Adds peers: {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 literal. */
    public ConfdClientBuilder peers(List<String> specs) {
        peers.addAll(specs);
        return this;
    }

    /** Adds peers, as {@link #peers(List)}. */
    public ConfdClientBuilder peers(String... specs) {
        return peers(Arrays.asList(specs));
    }

    /** The port of peers given without one (default 1814). */
    public ConfdClientBuilder port(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("invalid port " + port);
        }
        this.port = port;
        return this;
    }

    /** How long a request waits for replies before it completes with what arrived (default 2 s). */
    public ConfdClientBuilder timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** How many peers each request is sent to (default: all peers, at most 6). */
    public ConfdClientBuilder coverage(int coverage) {
        this.coverage = coverage;
        return this;
    }

    /** How many times a request short of replies at its timeout is sent again (default 0). */
    public ConfdClientBuilder retries(int retries) {
        this.retries = retries;
        return this;
    }

    /** Where returned futures complete, i.e. where non-async dependent stages run (default: common pool). */
    public ConfdClientBuilder callbackExecutor(Executor executor) {
        this.callbacks = Objects.requireNonNull(executor);
        return this;
    }

    /** Whether each request picks its peers in random order (default, as Ganeti) or in the order given. */
    ConfdClientBuilder shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** The clock that timestamps requests. */
    ConfdClientBuilder clock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /**
     * Resolves the peers, opens the socket and starts the I/O thread.
     *
     * @throws IllegalArgumentException for an invalid or unresolvable peer or an invalid option
     * @throws IOException when the UDP socket cannot be opened
     */
    public ConfdClient build() throws IOException {
        Map<InetSocketAddress, Peer> unique = new LinkedHashMap<>();
        for (String spec : peers) {
            Peer peer = Peer.parse(spec, port);
            unique.putIfAbsent(peer.address(), peer);
        }
        List<Peer> resolved = List.copyOf(unique.values());
        int cover = coverage != null ? coverage : Math.min(ClientSettings.DEFAULT_COVERAGE, resolved.size());
        return new ConfdClient(new ClientSettings(key, resolved, timeout, cover, retries, shuffle, callbacks), clock);
    }
}
