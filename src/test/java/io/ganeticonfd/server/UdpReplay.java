package io.ganeticonfd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.conformance.ConformanceCase;
import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.conformance.DatagramFactory;
import io.ganeticonfd.conformance.GoldenComparator;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.support.UdpTestClient;

/** Replays one conformance directory over UDP against the daemon started on its config and key. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UdpReplay {

    @Inject
    DaemonLifecycle lifecycle;

    private UdpTestClient client;
    private HmacKey key;

    abstract String directory();

    @BeforeAll
    void connect() {
        key = ConformanceVectors.key(directory());
        client = new UdpTestClient("127.0.0.1", lifecycle.udpPort(), key);
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    Stream<ConformanceCase> vectors() {
        return ConformanceVectors.cases(directory()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void answersAsGanetiDid(ConformanceCase c) {
        DatagramFactory.Built built =
                DatagramFactory.build(c.spec(), key, Instant.now().getEpochSecond());
        List<UdpTestClient.Reply> replies = client.exchange(built.data());
        JsonNode reply = replies.stream()
                .filter(r -> r.salt().equals(built.rsalt()))
                .findFirst()
                .map(UdpTestClient.Reply::message)
                .orElse(null);
        if (c.reply() == null) {
            assertThat(replies).as("%s must get no reply", c).isEmpty();
        }
        assertThat(GoldenComparator.mismatch(c, reply)).as("%s", c).isNull();
    }
}
