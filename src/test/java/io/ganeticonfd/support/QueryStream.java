package io.ganeticonfd.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RequestType;

/**
 * A steady stream of CLUSTER_MASTER queries on a background thread, recording every served serial
 * and every query left unanswered, while a test changes files under the daemon.
 */
public final class QueryStream implements AutoCloseable {

    private final Thread thread;
    private final List<Long> serials = new CopyOnWriteArrayList<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong latest = new AtomicLong(-1);
    private volatile boolean running = true;

    /** Starts querying {@code 127.0.0.1:port} with {@code key}. */
    public QueryStream(int port, HmacKey key) {
        thread = new Thread(() -> run(port, key), "query-stream");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(int port, HmacKey key) {
        try (UdpTestClient client = new UdpTestClient("127.0.0.1", port, key)) {
            while (running) {
                String rsalt = UUID.randomUUID().toString();
                byte[] datagram =
                        UdpTestClient.request(RequestType.CLUSTER_MASTER, QueryArgument.None.INSTANCE, rsalt, key);
                JsonNode reply = client.ask(datagram, rsalt);
                if (reply == null) {
                    unanswered.incrementAndGet();
                } else if (reply.path("status").asInt() != 0) {
                    errors.incrementAndGet();
                } else {
                    long serial = reply.path("serial").asLong();
                    serials.add(serial);
                    latest.set(serial);
                }
                pace();
            }
        }
    }

    /** About 500 queries a second: a steady stream that leaves the CPU to the daemon under test. */
    private static void pace() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The serial of the latest answer (-1 before any). */
    public long latestSerial() {
        return latest.get();
    }

    /** Number of answers so far. */
    public int answered() {
        return serials.size();
    }

    /** Queries that got no reply within the client's timeout. */
    public int unanswered() {
        return unanswered.get();
    }

    /** Queries answered with an error status. */
    public int errors() {
        return errors.get();
    }

    /** Whether the served serials never decreased. */
    public boolean serialsNeverDecreased() {
        long previous = Long.MIN_VALUE;
        for (long s : serials) {
            if (s < previous) {
                return false;
            }
            previous = s;
        }
        return true;
    }

    /** The distinct serials seen, in order. */
    public List<Long> serialsSeen() {
        return serials.stream().distinct().toList();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
