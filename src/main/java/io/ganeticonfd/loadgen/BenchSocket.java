package io.ganeticonfd.loadgen;

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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.ConfdReply;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.PreparedRequest;
import io.ganeticonfd.protocol.ReplyDecodeResult;
import io.ganeticonfd.protocol.ReplyDecoder;
import io.ganeticonfd.protocol.RsaltSequence;

/**
 * One connected, non-blocking UDP socket of {@code bench} with its own buffers: signs and sends
 * requests of the mix and checks replies (salt match, HMAC, status) with {@code protocol}'s codec,
 * and records latencies.
 * The send side and the receive side may run on two threads (open loop); each side on one thread.
 */
final class BenchSocket implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 4 << 20;
    private static final int MAX_READS_PER_CALL = 256;

    private final DatagramChannel channel;
    private final Selector selector;
    private final List<PreparedRequest> templates;
    private final double[] cumulative;
    private final HmacKey key;
    private final RsaltSequence rsalt;
    private final InFlightTable table;
    private final SocketStats stats;
    private final long countedFrom;
    private final SplittableRandom random;

    private final ReplyDecoder decoder;
    private final byte[] rsaltBytes = new byte[RsaltSequence.LENGTH];
    private final byte[] txBytes;
    private final ByteBuffer tx;
    private final ByteBuffer rx = ByteBuffer.allocate(65_536);
    private volatile long lastSeq;

    BenchSocket(
            int index,
            int nonce,
            InetSocketAddress target,
            List<PreparedRequest> templates,
            double[] cumulative,
            HmacKey key,
            ObjectMapper mapper,
            InFlightTable table,
            SocketStats stats,
            long countedFrom)
            throws IOException {
        this.templates = templates;
        this.cumulative = cumulative.clone();
        this.key = key;
        this.rsalt = new RsaltSequence(nonce, index);
        this.decoder = new ReplyDecoder(mapper);
        this.table = table;
        this.stats = stats;
        this.countedFrom = countedFrom;
        this.random = new SplittableRandom(((long) nonce << 16) ^ index);
        this.txBytes = new byte
                [templates.stream()
                        .mapToInt(t -> t.maxBytes(RsaltSequence.LENGTH))
                        .max()
                        .orElse(0)];
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
        PreparedRequest t = templates.get(pick());
        rsalt.write(seq, rsaltBytes);
        int len = t.write(txBytes, rsaltBytes, RsaltSequence.LENGTH, System.currentTimeMillis() / 1000, key);
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
        selector.select(k -> {}, Math.max(1, millis));
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
        ReplyDecodeResult read = decoder.read(d, 0, len, key);
        ConfdReply reply = read instanceof ReplyDecodeResult.Verified v ? v.reply() : null;
        String salt = reply != null ? reply.salt() : ((ReplyDecodeResult.Refused) read).claimedSalt();
        long seq = rsalt.sequenceOf(salt);
        if (salt != null && (seq <= 0 || seq > lastSeq)) {
            bad("salt matches no request", d, len);
            return;
        }
        if (reply == null) {
            bad(((ReplyDecodeResult.Refused) read).reason().text(), d, len);
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
        int status = reply.status().code();
        if (reply.ok()) {
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
