package io.ganeticonfd.bench;

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

    @Setup
    public void setUp() {
        ObjectMapper mapper = new ObjectMapper();
        key = BenchConfigs.key();
        keys = KeyRing.of(key);
        now = System.currentTimeMillis() / 1000;
        datagram = new RequestEncoder(mapper).encode(
                new ConfdRequest(RequestType.PING, QueryArgument.None.INSTANCE, RSALT), now, key);
        decoder = new RequestDecoder(mapper.getFactory(), 300, 4096);
        ClusterSnapshot snapshot = BenchConfigs.SMALL.snapshot();
        QueryEngine engine = new QueryEngine();
        ServedConfig<PreparedAnswers> served = ServedConfig.fixed(snapshot, engine, keys);
        processor = new RequestProcessor(decoder, engine, served);
        pingReply = engine.answer(new ConfdRequest(RequestType.PING, QueryArgument.None.INSTANCE, RSALT), served.answers());
        if (!(processor.process(datagram, 0, datagram.length, now) instanceof Outcome.Replied)) {
            throw new IllegalStateException("the signed ping is not answered");
        }
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
}
