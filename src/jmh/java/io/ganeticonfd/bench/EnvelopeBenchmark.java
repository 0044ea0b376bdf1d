package io.ganeticonfd.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ServedConfig;
import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.DecodeResult;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.KeyRing;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.ReplyEncoder;
import io.ganeticonfd.protocol.RequestDecoder;
import io.ganeticonfd.protocol.RequestEncoder;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;
import io.ganeticonfd.server.Outcome;
import io.ganeticonfd.server.RequestProcessor;

/**
 * The envelope codec on a signed ping, and the whole request path for it: {@code decodePing}
 * (magic, envelope JSON, HMAC verify, timestamp, message), {@code encodeReply} (sign and frame the
 * ping reply) and {@code processPing} (decode + answer + encode, as the UDP listener calls it).
 * {@code processMixed} cycles the same path over pre-built signed datagrams of issue #18's mix (per
 * ten requests: 2 PING, 1 CLUSTER_MASTER, 3 NODE_ROLE_BYNAME of the master, 3 CONFIG_QUERY
 * {@code /cluster/cluster_name}, 1 MC_PIP_LIST), each with its own rsalt.
 * The clock is fixed at set-up, so the request stays inside the skew window however long it runs.
 *
 * <pre>
 * ./mvnw -B -Pjmh package -DskipTests &amp;&amp; java -jar target/benchmarks.jar Envelope -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnvelopeBenchmark {

    private static final String RSALT = "0f3c2a10-0000-4000-8000-00000000002a";

    private byte[] datagram;
    private long now;
    private KeyRing keys;
    private HmacKey key;
    private RequestDecoder decoder;
    private RequestProcessor processor;
    private ReplyBody pingReply;
    private byte[][] mixed;
    private int next;

    @Setup
    public void setUp() {
        ObjectMapper mapper = new ObjectMapper();
        key = BenchConfigs.key();
        keys = KeyRing.of(key);
        now = System.currentTimeMillis() / 1000;
        datagram = new RequestEncoder(mapper)
                .encode(new ConfdRequest(RequestType.PING, QueryArgument.None.INSTANCE, RSALT), now, key);
        decoder = new RequestDecoder(mapper.getFactory(), 300, 4096);
        ClusterSnapshot snapshot = BenchConfigs.SMALL.snapshot();
        QueryEngine engine = new QueryEngine();
        ServedConfig<PreparedAnswers> served = ServedConfig.fixed(snapshot, engine, keys);
        processor = new RequestProcessor(decoder, engine, served);
        pingReply =
                engine.answer(new ConfdRequest(RequestType.PING, QueryArgument.None.INSTANCE, RSALT), served.answers());
        if (!(processor.process(datagram, 0, datagram.length, now) instanceof Outcome.Replied)) {
            throw new IllegalStateException("the signed ping is not answered");
        }
        mixed = mix(new RequestEncoder(mapper), snapshot);
        long replyHeap = 0;
        for (byte[] d : mixed) {
            if (!(processor.process(d, 0, d.length, now) instanceof Outcome.Replied replied)) {
                throw new IllegalStateException("a request of the mix is not answered");
            }
            replyHeap += arrayBytes(replied.datagram().length);
        }
        System.out.printf(
                "reply datagram arrays: ping %d B, mix mean %.1f B (gc.alloc.rate.norm includes them)%n",
                arrayBytes(ReplyEncoder.encode(pingReply, RSALT, key).length), replyHeap / (double) mixed.length);
    }

    /** Heap bytes of a byte array of this length (16-byte header, 8-byte alignment, compressed oops). */
    private static long arrayBytes(int length) {
        return (16 + length + 7) / 8 * 8;
    }

    private byte[][] mix(RequestEncoder encoder, ClusterSnapshot snapshot) {
        QueryArgument none = QueryArgument.None.INSTANCE;
        QueryArgument master =
                new QueryArgument.Plain(snapshot.cluster().master().name());
        QueryArgument pointer = new QueryArgument.Plain("/cluster/cluster_name");
        List<ConfdRequest> requests = new ArrayList<>();
        Object[][] shares = {
            {RequestType.PING, none, 2}, {RequestType.CLUSTER_MASTER, none, 1},
            {RequestType.NODE_ROLE_BYNAME, master, 3}, {RequestType.CONFIG_QUERY, pointer, 3},
            {RequestType.MC_PIP_LIST, none, 1},
        };
        for (Object[] share : shares) {
            for (int i = 0; i < (Integer) share[2]; i++) {
                String rsalt = RSALT.substring(0, RSALT.length() - 2) + String.format("%02d", requests.size());
                requests.add(new ConfdRequest((RequestType) share[0], (QueryArgument) share[1], rsalt));
            }
        }
        Collections.shuffle(requests, new Random(18));
        return requests.stream().map(r -> encoder.encode(r, now, key)).toArray(byte[][]::new);
    }

    @Benchmark
    public DecodeResult decodePing() {
        return decoder.decode(datagram, 0, datagram.length, now, keys);
    }

    @Benchmark
    public byte[] encodeReply() {
        return ReplyEncoder.encode(pingReply, RSALT, key);
    }

    @Benchmark
    public Outcome processPing() {
        return processor.process(datagram, 0, datagram.length, now);
    }

    @Benchmark
    public Outcome processMixed() {
        byte[] d = mixed[next];
        next = next == mixed.length - 1 ? 0 : next + 1;
        return processor.process(d, 0, d.length, now);
    }
}
