package io.ganeticonfd.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.config.ConfigException;
import io.ganeticonfd.config.ConfigParser;
import io.ganeticonfd.config.ServedConfig;
import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.KeyRing;
import io.ganeticonfd.protocol.ReplyEncoder;
import io.ganeticonfd.protocol.RequestDecoder;
import io.ganeticonfd.query.QueryEngine;
import io.ganeticonfd.server.Outcome;
import io.ganeticonfd.server.RequestProcessor;
import io.ganeticonfd.support.ClusterFiles;

/**
 * A confd server for tests: a UDP socket on 127.0.0.1 (free port) and one thread running the real
 * {@link RequestProcessor} over a conformance config. Variants: another cluster serial, another key
 * (silent to our requests), replies signed with a wrong key, silent ("down"), ignoring the first
 * datagrams.
 */
public final class InProcessServer implements AutoCloseable {

    /** The conformance directory most tests serve. */
    public static final String SYNTHETIC = "synthetic-n12-i60-g3-s1";

    private final DatagramChannel channel;
    private final RequestProcessor processor;
    private final Options options;
    private final Thread thread;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger replied = new AtomicInteger();

    private InProcessServer(Options options) throws IOException {
        this.options = options;
        this.processor = processor(options);
        this.channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        this.thread = new Thread(this::serve, "confd-test-server-" + port());
        thread.setDaemon(true);
        thread.start();
    }

    /** A builder serving the config of a conformance directory with its own key. */
    public static Options serving(String directory) {
        return new Options(directory);
    }

    /** The UDP port the server listens on. */
    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The peer spec for clients: {@code 127.0.0.1:port}. */
    public String peer() {
        return "127.0.0.1:" + port();
    }

    /** Datagrams received so far. */
    public int received() {
        return received.get();
    }

    /** Replies sent so far (counted just before each is sent). */
    public int replied() {
        return replied.get();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        channel.close();
        thread.join();
    }

    private void serve() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                SocketAddress from = channel.receive(buffer.clear());
                int n = received.incrementAndGet();
                if (options.silent || n <= options.ignoreFirst) {
                    continue;
                }
                long now = Instant.now().getEpochSecond();
                if (processor.process(buffer.array(), 0, buffer.position(), now) instanceof Outcome.Replied r) {
                    byte[] datagram = options.replyKey == null
                            ? r.datagram()
                            : ReplyEncoder.encode(r.body(), r.request().rsalt(), options.replyKey);
                    replied.incrementAndGet();
                    channel.send(ByteBuffer.wrap(datagram), from);
                }
            }
        } catch (ClosedChannelException e) {
            // closed by close()
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestProcessor processor(Options o) {
        byte[] config = o.clusterSerial == null
                ? ConformanceVectors.read(o.directory, "config.data")
                : ClusterFiles.withSerial(o.directory, o.clusterSerial);
        return processor(config, o.serverKey != null ? o.serverKey : ConformanceVectors.key(o.directory));
    }

    /**
     * The request path of a test server: {@code config} parsed as the daemon does, requests verified
     * with {@code key} (300 s clock skew, 4096-byte requests).
     */
    public static RequestProcessor processor(byte[] config, HmacKey key) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            return new RequestProcessor(
                    new RequestDecoder(mapper.getFactory(), 300, 4096),
                    new QueryEngine(),
                    ServedConfig.fixed(
                            new ConfigParser(mapper, false).parse(config), new QueryEngine(), KeyRing.of(key)));
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How the server behaves. */
    public static final class Options {
        private final String directory;
        private Long clusterSerial;
        private HmacKey serverKey;
        private HmacKey replyKey;
        private boolean silent;
        private int ignoreFirst;

        private Options(String directory) {
            this.directory = directory;
        }

        /** Serves the config with {@code /cluster/serial_no} set to this value. */
        public Options clusterSerial(long serial) {
            this.clusterSerial = serial;
            return this;
        }

        /** Verifies requests with this key instead of the directory's (requests signed otherwise get no reply). */
        public Options serverKey(HmacKey key) {
            this.serverKey = key;
            return this;
        }

        /** Answers, but signs the replies with this key (clients see replies that do not verify). */
        public Options signRepliesWith(HmacKey key) {
            this.replyKey = key;
            return this;
        }

        /** Bound but never answers, like a host whose daemon is down or firewalled. */
        public Options silent() {
            this.silent = true;
            return this;
        }

        /** Ignores the first {@code n} datagrams, like a lossy network. */
        public Options ignoreFirst(int n) {
            this.ignoreFirst = n;
            return this;
        }

        /** Binds the socket and starts serving. */
        public InProcessServer start() throws IOException {
            return new InProcessServer(this);
        }
    }
}
