package io.ganeticonfd.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.ganeticonfd.protocol.ConfdRequest;

/**
 * The client's socket and its one I/O thread: sends submitted requests, matches replies to them by
 * rsalt, retries and expires them. All request state is confined to that thread; callers hand
 * requests over through a queue and a selector wake-up.
 */
final class RequestLoop implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int RECEIVE_BUFFER_BYTES = 1 << 20;

    private final ClientSettings settings;
    private final Map<InetSocketAddress, Peer> byAddress;
    private final Function<ConfdRequest, byte[]> signer;
    private final DatagramReader reader;
    private final DatagramChannel channel;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Pending> submissions = new ConcurrentLinkedQueue<>();
    private final Map<String, Pending> inFlight = new HashMap<>();
    private final PriorityQueue<Deadline> deadlines = new PriorityQueue<>(Comparator.comparingLong(Deadline::nanos));
    private final ByteBuffer buffer = ByteBuffer.allocate(65_536);
    private volatile boolean closed;

    RequestLoop(ClientSettings settings, Function<ConfdRequest, byte[]> signer, DatagramReader reader)
            throws IOException {
        this.settings = settings;
        this.byAddress = settings.peersByAddress();
        this.signer = signer;
        this.reader = reader;
        this.channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
            channel.bind(null);
            channel.configureBlocking(false);
            this.selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.thread = new Thread(this::run, "confd-client-io-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands a request to the I/O thread; fails it at once if the client is closed. */
    void submit(Pending p) {
        submissions.add(p);
        if (closed) {
            if (submissions.remove(p)) {
                p.future.completeExceptionally(ConfdException.closed(null));
            }
            return;
        }
        selector.wakeup();
    }

    /** Whether {@link #close()} was called or the loop stopped. */
    boolean closed() {
        return closed;
    }

    /** Stops the I/O thread; every unfinished request fails with {@link ConfdException.Reason#CLOSED}. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Throwable failure = null;
        try {
            while (!closed) {
                select();
                drainSubmissions();
                receiveAll();
                expireDue();
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        } finally {
            closed = true;
            shutDown(failure);
        }
    }

    private void select() throws IOException {
        Deadline next = deadlines.peek();
        long remaining = next == null ? 0 : next.nanos() - System.nanoTime();
        if (next != null && remaining <= 0) {
            selector.selectNow();
        } else {
            selector.select(next == null ? 0 : Math.max(1, (remaining + 999_999) / 1_000_000));
        }
        selector.selectedKeys().clear();
    }

    private void drainSubmissions() {
        Pending p;
        while ((p = submissions.poll()) != null) {
            if (p.future.isDone()) {
                continue;
            }
            inFlight.put(p.request.rsalt(), p);
            send(p, p.asked());
            schedule(p);
            review(p, false);
        }
    }

    private void receiveAll() throws IOException {
        InetSocketAddress from;
        while ((from = (InetSocketAddress) channel.receive(buffer.clear())) != null) {
            Peer peer = peerAt(from);
            DatagramReader.Read read = reader.read(buffer.array(), buffer.position());
            Pending p = read.salt() == null ? null : inFlight.get(read.salt());
            if (p == null) {
                continue;
            }
            boolean changed = read.reply() != null ? p.reply(peer, read.reply()) : p.invalid(peer);
            if (changed) {
                review(p, false);
            }
        }
    }

    /** The configured peer at this address, or a new one naming the address. */
    private Peer peerAt(InetSocketAddress address) {
        Peer peer = byAddress.get(address);
        return peer != null ? peer : Peer.of(address);
    }

    private void expireDue() {
        long now = System.nanoTime();
        while (!deadlines.isEmpty() && deadlines.peek().nanos() <= now) {
            Deadline d = deadlines.poll();
            Pending p = d.pending();
            if (p.deadlineNanos == d.nanos() && inFlight.get(p.request.rsalt()) == p) {
                review(p, true);
            }
        }
    }

    private void schedule(Pending p) {
        p.deadlineNanos = System.nanoTime() + settings.timeout().toNanos();
        deadlines.add(new Deadline(p.deadlineNanos, p));
    }

    /** Finishes, retries or leaves {@code p} waiting, after a reply or at its deadline. */
    private void review(Pending p, boolean due) {
        if (p.future.isDone()) {
            inFlight.remove(p.request.rsalt());
            return;
        }
        switch (p.step(due)) {
            case WAIT -> {}
            case RETRY -> retry(p);
            case FINISH -> finish(p);
        }
    }

    private void retry(Pending p) {
        List<Peer> targets = p.retryTargets();
        if (targets.isEmpty()) {
            finish(p);
            return;
        }
        p.datagram = signer.apply(p.request);
        send(p, targets);
        schedule(p);
    }

    private void send(Pending p, List<Peer> targets) {
        for (Peer peer : List.copyOf(targets)) {
            boolean ok;
            try {
                ok = channel.send(ByteBuffer.wrap(p.datagram), peer.address()) > 0;
            } catch (IOException | RuntimeException e) {
                ok = false;
            }
            p.sent(peer, ok);
        }
    }

    private void finish(Pending p) {
        inFlight.remove(p.request.rsalt());
        ConfdResult result = p.result();
        settings.complete(() -> p.future.complete(result));
    }

    private void shutDown(Throwable failure) {
        Queue<Pending> unfinished = new ArrayDeque<>(inFlight.values());
        inFlight.clear();
        Pending p;
        while ((p = submissions.poll()) != null) {
            unfinished.add(p);
        }
        ConfdException closedError = ConfdException.closed(failure);
        for (Pending u : unfinished) {
            settings.complete(() -> u.future.completeExceptionally(closedError));
        }
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** When a request expires; stale once the request was rescheduled ({@code nanos} no longer its deadline). */
    private record Deadline(long nanos, Pending pending) {}
}
