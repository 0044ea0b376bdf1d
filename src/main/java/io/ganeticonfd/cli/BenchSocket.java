package io.ganeticonfd.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import io.ganeticonfd.protocol.HmacKey;

/**
 * One connected, non-blocking UDP socket of {@code bench} with its own buffers: signs and sends
 * requests of the mix, reads and checks replies (salt match, HMAC, status), and records latencies.
 * The send side and the receive side may run on two threads (open loop); each side on one thread.
 */
final class BenchSocket implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 4 << 20;
    private static final int MAX_READS_PER_CALL = 256;

    private final DatagramChannel channel;
    private final Selector selector;
    private final List<RequestTemplate> templates;
    private final double[] cumulative;
    private final HmacKey key;
    private final Rsalt rsalt;
    private final InFlightTable table;
    private final SocketStats stats;
    private final long countedFrom;
    private final SplittableRandom random;

    private final byte[] rsaltBytes = new byte[Rsalt.LENGTH];
    private final byte[] digest = new byte[HmacKey.DIGEST_BYTES];
    private final byte[] salt = new byte[20];
    private final byte[] txBytes;
    private final ByteBuffer tx;
    private final ByteBuffer rx = ByteBuffer.allocate(65_536);
    private final ReplyScanner scanner = new ReplyScanner();
    private long saltSecond = -1;
    private int saltLen;
    private volatile long lastSeq;

    BenchSocket(int index, int nonce, InetSocketAddress target, List<RequestTemplate> templates, double[] cumulative,
            HmacKey key, InFlightTable table, SocketStats stats, long countedFrom) throws IOException {
        this.templates = templates;
        this.cumulative = cumulative.clone();
        this.key = key;
        this.rsalt = new Rsalt(nonce, index);
        this.table = table;
        this.stats = stats;
        this.countedFrom = countedFrom;
        this.random = new SplittableRandom(((long) nonce << 16) ^ index);
        this.txBytes = new byte[templates.stream().mapToInt(RequestTemplate::maxBytes).max().orElse(0)];
        this.tx = ByteBuffer.wrap(txBytes);
        boolean v6 = target.getAddress() instanceof java.net.Inet6Address;
        this.channel = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
        channel.connect(target);
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    /**
     * Sends the next request, with latency origin {@code origin} (its send time in closed loop, its
     * scheduled time in open loop). Returns false when it could not be sent (socket buffer full, or
     * ICMP port unreachable: nobody listens).
     */
    boolean send(long origin) throws IOException {
        long seq = lastSeq + 1;
        RequestTemplate t = templates.get(pick());
        rsalt.write(seq, rsaltBytes);
        long second = System.currentTimeMillis() / 1000;
        if (second != saltSecond) {
            byte[] digits = Long.toString(second).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(digits, 0, salt, 0, digits.length);
            saltLen = digits.length;
            saltSecond = second;
        }
        int len = t.write(txBytes, rsaltBytes, salt, saltLen, key.mac(), digest);
        lastSeq = seq;
        table.put(seq, origin, System.nanoTime());
        try {
            if (channel.write(tx.clear().limit(len)) == 0) {
                table.take(seq);
                return false;
            }
        } catch (PortUnreachableException e) {
            table.take(seq);
            stats.sendRefused++;
            return false;
        }
        if (origin - countedFrom >= 0) {
            stats.sent++;
        }
        return true;
    }

    /** Reads and checks the replies waiting (up to a batch); stops at {@code deadline}. Returns how many were read. */
    int receive(long deadline) throws IOException {
        int n = 0;
        while (n < MAX_READS_PER_CALL) {
            int len;
            try {
                len = channel.read(rx.clear());
            } catch (PortUnreachableException e) {
                stats.receiveRefused++;
                return n;
            }
            if (len <= 0) {
                return n;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return n;
            }
            handle(rx.array(), len, now);
            n++;
        }
        return n;
    }

    /** Waits up to {@code millis} (at least 1) for a reply to read. */
    void await(long millis) throws IOException {
        selector.select(k -> {
        }, Math.max(1, millis));
    }

    /** Declares requests sent more than {@code timeoutNanos} ago lost. */
    void expire(long now, long timeoutNanos) {
        stats.lost += table.expire(now, timeoutNanos, countedFrom);
    }

    /** Counts the requests of the counted period still waiting (call at the end). */
    void finish() {
        stats.unfinished = table.countFrom(countedFrom);
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }

    private void handle(byte[] d, int len, long now) {
        String why = scanner.scan(d, len);
        if (why != null) {
            bad(why, d, len);
            return;
        }
        long seq = rsalt.parse(scanner.salt(), 0, scanner.saltLength());
        if (seq <= 0 || seq > lastSeq) {
            bad("salt matches no request", d, len);
            return;
        }
        if (!scanner.verifies(key.mac())) {
            bad("HMAC mismatch", d, len);
            return;
        }
        long origin = table.take(seq);
        if (origin == Long.MIN_VALUE) {
            stats.late++;
            return;
        }
        if (origin - countedFrom < 0) {
            return;
        }
        stats.received++;
        SocketStats.record(stats.latency, now - origin);
        int status = scanner.status();
        if (status == 0) {
            stats.statusOk++;
        } else {
            stats.statusError++;
            if (stats.firstError == null) {
                stats.firstError = "status " + status + ": " + text(d, len);
            }
        }
    }

    private void bad(String why, byte[] d, int len) {
        stats.bad++;
        if (stats.firstBad == null) {
            stats.firstBad = why + ": " + text(d, len);
        }
    }

    private int pick() {
        if (cumulative.length == 1) {
            return 0;
        }
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static String text(byte[] d, int len) {
        return new String(d, 0, Math.min(len, 160), StandardCharsets.UTF_8);
    }
}
