package io.ganeticonfd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.client.InProcessServer;
import io.ganeticonfd.conformance.ConformanceCase;
import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.conformance.DatagramFactory;
import io.ganeticonfd.conformance.GoldenComparator;
import io.ganeticonfd.conformance.ReplyReader;
import io.ganeticonfd.protocol.HmacKey;

/** Replays every recorded conformance vector straight through the request pipeline (no network). */
class RequestProcessorConformanceTest {

    private static final Map<String, RequestProcessor> PROCESSORS = new HashMap<>();
    private static final Map<String, HmacKey> KEYS = new HashMap<>();

    static Stream<ConformanceCase> vectors() {
        return ConformanceVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void answersAsGanetiDid(ConformanceCase c) {
        RequestProcessor processor = processor(c.directory());
        long now = Instant.now().getEpochSecond();
        DatagramFactory.Built built = DatagramFactory.build(c.spec(), KEYS.get(c.directory()), now);
        Outcome outcome = processor.process(built.data(), 0, built.data().length, now);
        JsonNode reply = null;
        if (outcome instanceof Outcome.Replied replied) {
            ReplyReader.Read read =
                    ReplyReader.read(replied.datagram(), replied.datagram().length, KEYS.get(c.directory()));
            assertThat(read.salt()).isEqualTo(built.rsalt());
            reply = read.message();
        }
        assertThat(GoldenComparator.mismatch(c, reply))
                .as("%s -> %s", c, outcome)
                .isNull();
    }

    private static synchronized RequestProcessor processor(String dir) {
        return PROCESSORS.computeIfAbsent(dir, d -> {
            HmacKey key = ConformanceVectors.key(d);
            KEYS.put(d, key);
            return InProcessServer.processor(ConformanceVectors.read(d, "config.data"), key);
        });
    }
}
