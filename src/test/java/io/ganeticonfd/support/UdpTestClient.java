package io.ganeticonfd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.conformance.ReplyReader;
import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RequestEncoder;
import io.ganeticonfd.protocol.RequestType;

/**
 * A blocking UDP client for end-to-end tests. {@link #exchange} sends a datagram followed by a
 * signed ping (the sentinel) and returns every reply that came before the sentinel's: with one
 * listener the daemon answers in order, so an empty list proves the datagram was dropped.
 */
public final class UdpTestClient implements AutoCloseable {

    private static final RequestEncoder ENCODER = new RequestEncoder(new ObjectMapper());

    /**
     * How long a reply may take before it counts as missing: a generous ceiling for a loaded CI box,
     * not a speed promise (a reply normally takes well under a millisecond).
     */
    private static final int REPLY_CEILING_MILLIS = 30_000;

    private final DatagramChannel channel;
    private final InetSocketAddress server;
    private final HmacKey key;

    /** A client of the daemon at {@code host:port} using {@code key} for its sentinel and for verifying replies. */
    public UdpTestClient(String host, int port, HmacKey key) {
        try {
            this.server = new InetSocketAddress(host, port);
            this.channel = DatagramChannel.open();
            this.channel.connect(server);
            this.channel.socket().setSoTimeout(REPLY_CEILING_MILLIS);
            this.key = key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's own UDP port (the daemon's debug log names each request's sender by it). */
    public int localPort() {
        return channel.socket().getLocalPort();
    }

    /** A request datagram as Ganeti's clients send it: signed with {@code key}, timestamped now. */
    public static byte[] request(RequestType type, QueryArgument query, String rsalt, HmacKey key) {
        return ENCODER.encode(
                new ConfdRequest(type, query, rsalt), Instant.now().getEpochSecond(), key);
    }

    /**
     * A datagram carrying {@code message} as its msg, signed with {@code key} over {@code salt}: for
     * requests the typed encoder cannot write (bad salts, odd members, deep nesting).
     */
    public static byte[] signedEnvelope(String message, String salt, HmacKey key) {
        return ENCODER.sign(message, salt, key);
    }

    /** {@link #signedEnvelope} timestamped now. */
    public static byte[] signedEnvelope(String message, HmacKey key) {
        return signedEnvelope(message, Long.toString(System.currentTimeMillis() / 1000), key);
    }

    /** A verified reply: its salt and message. */
    public record Reply(String salt, JsonNode message) {}

    /** Sends {@code datagram} then the sentinel; returns the replies received before the sentinel's. */
    public List<Reply> exchange(byte[] datagram) {
        String sentinel = "sentinel-" + UUID.randomUUID();
        byte[] sentinelDatagram = request(RequestType.PING, QueryArgument.None.INSTANCE, sentinel, key);
        send(datagram);
        send(sentinelDatagram);
        List<Reply> before = new ArrayList<>();
        while (true) {
            Reply r = receive();
            if (r == null) {
                throw new AssertionError("no reply to the sentinel ping within " + REPLY_CEILING_MILLIS / 1000 + " s");
            }
            if (r.salt().equals(sentinel)) {
                return before;
            }
            before.add(r);
        }
    }

    /** Sends one datagram and waits for the reply carrying {@code rsalt} (null if none within the timeout). */
    public JsonNode ask(byte[] datagram, String rsalt) {
        send(datagram);
        while (true) {
            Reply r = receive();
            if (r == null) {
                return null;
            }
            if (r.salt().equals(rsalt)) {
                return r.message();
            }
        }
    }

    /** Like {@link #ask}, waiting at most {@code timeout}. */
    public JsonNode askWithin(byte[] datagram, String rsalt, java.time.Duration timeout) {
        try {
            channel.socket().setSoTimeout((int) timeout.toMillis());
            return ask(datagram, rsalt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                channel.socket().setSoTimeout(REPLY_CEILING_MILLIS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Asks the daemon on {@code 127.0.0.1:port} one question of {@code type} without argument, signed
     * with {@code key} and a fresh rsalt; the verified reply, or null if none came within {@code timeout}.
     */
    public static JsonNode askOnce(int port, HmacKey key, RequestType type, java.time.Duration timeout) {
        try (UdpTestClient client = new UdpTestClient("127.0.0.1", port, key)) {
            String rsalt = UUID.randomUUID().toString();
            return client.askWithin(request(type, QueryArgument.None.INSTANCE, rsalt, key), rsalt, timeout);
        }
    }

    /** The serial of an OK reply; -1 for no reply or an error reply. */
    public static long okSerial(JsonNode reply) {
        return reply == null || reply.path("status").asInt() != 0
                ? -1
                : reply.path("serial").asLong();
    }

    /** Sends raw bytes. */
    public void send(byte[] datagram) {
        try {
            channel.write(ByteBuffer.wrap(datagram));
        } catch (java.net.PortUnreachableException e) {
            // an earlier datagram found no listener; this one is sent again by the caller's retry
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply receive() {
        try {
            byte[] buf = new byte[65_536];
            java.net.DatagramPacket packet = new java.net.DatagramPacket(buf, buf.length);
            channel.socket().receive(packet);
            ReplyReader.Read read = ReplyReader.read(buf, packet.getLength(), key);
            return new Reply(read.salt(), read.message());
        } catch (SocketTimeoutException | java.net.PortUnreachableException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
