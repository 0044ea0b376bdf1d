package io.ganeticonfd.client;

import static io.ganeticonfd.client.Futures.confdFailure;
import static io.ganeticonfd.client.Futures.value;
import static io.ganeticonfd.client.InProcessServer.SYNTHETIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.support.Closer;

/** One request fanned out to several servers that disagree, fail or cheat. */
class ConfdClientFanOutTest {

    private static final HmacKey KEY = ConformanceVectors.key(SYNTHETIC);
    private static final HmacKey OTHER_KEY = HmacKey.of("not-the-cluster-key");
    private static final Duration LONG_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void highestValidSerialWinsAndEveryPeerOutcomeIsListed() throws Exception {
        InProcessServer old = closer.start(InProcessServer.serving(SYNTHETIC).clusterSerial(100));
        InProcessServer newest = closer.start(InProcessServer.serving(SYNTHETIC).clusterSerial(300));
        InProcessServer middle = closer.start(InProcessServer.serving(SYNTHETIC).clusterSerial(200));
        InProcessServer down = closer.start(InProcessServer.serving(SYNTHETIC).silent());
        InProcessServer wrongKey = closer.start(
                InProcessServer.serving(SYNTHETIC).clusterSerial(999).serverKey(OTHER_KEY));
        ConfdClient client = client(LONG_TIMEOUT, old, newest, middle, down, wrongKey);

        ConfdResult result = value(client.query(RequestType.CLUSTER_MASTER, QueryArgument.None.INSTANCE));

        assertThat(result.expected()).isEqualTo(3);
        assertThat(result.complete()).isTrue();
        assertThat(result.chosen()).hasValueSatisfying(c -> {
            assertThat(c.peer().toString()).isEqualTo(newest.peer());
            assertThat(c.reply().serial()).isEqualTo(300);
        });
        assertThat(result.outcomes())
                .extracting(
                        o -> o.peer().toString(),
                        PeerOutcome::status,
                        o -> o.reply() == null ? null : o.reply().serial())
                .containsExactlyInAnyOrder(
                        tuple(old.peer(), PeerOutcome.Status.REPLIED, 100L),
                        tuple(newest.peer(), PeerOutcome.Status.REPLIED, 300L),
                        tuple(middle.peer(), PeerOutcome.Status.REPLIED, 200L),
                        tuple(down.peer(), PeerOutcome.Status.NO_REPLY, null),
                        tuple(wrongKey.peer(), PeerOutcome.Status.NO_REPLY, null));
        await().atMost(Futures.BOUND)
                .untilAsserted(() -> assertThat(down.received()).isEqualTo(1));
    }

    @Test
    void typedMethodsUseTheChosenAnswer() throws Exception {
        InProcessServer a = closer.start(InProcessServer.serving(SYNTHETIC).clusterSerial(1));
        InProcessServer b = closer.start(
                InProcessServer.serving("testsuite-2.16").serverKey(KEY).clusterSerial(2));
        ConfdClient client = client(LONG_TIMEOUT, a, b);

        assertThat(value(client.clusterMaster())).isEqualTo("node1.example.com");
        assertThat(value(client.nodePrimaryIps())).containsExactlyInAnyOrder("192.0.2.82", "192.0.2.83", "192.0.2.84");
    }

    @Test
    void repliesThatDoNotVerifyAreReportedAndEndTheWaitEarly() throws Exception {
        InProcessServer good = closer.start(InProcessServer.serving(SYNTHETIC));
        InProcessServer forger = closer.start(
                InProcessServer.serving(SYNTHETIC).clusterSerial(5000).signRepliesWith(OTHER_KEY));
        ConfdClient client = client(LONG_TIMEOUT, good, forger);

        ConfdResult result = value(client.query(RequestType.CLUSTER_MASTER, QueryArgument.None.INSTANCE));

        assertThat(result.outcomes())
                .extracting(o -> o.peer().toString(), PeerOutcome::status)
                .containsExactlyInAnyOrder(
                        tuple(good.peer(), PeerOutcome.Status.REPLIED),
                        tuple(forger.peer(), PeerOutcome.Status.INVALID_REPLY));
        assertThat(result.chosen()).map(c -> c.reply().serial()).contains(2724L);
        assertThat(result.complete()).isFalse();
        assertThat(forger.replied()).isEqualTo(1);
    }

    @Test
    void anErrorFromEveryPeerIsReportedNotHidden() throws Exception {
        InProcessServer a = closer.start(InProcessServer.serving(SYNTHETIC));
        InProcessServer b = closer.start(InProcessServer.serving(SYNTHETIC));
        ConfdClient client = client(LONG_TIMEOUT, a, b);

        ConfdException e = confdFailure(client.nodeDrbd("no-such-node.example.com"));

        assertThat(e.reason()).isEqualTo(ConfdException.Reason.ERROR_STATUS);
        assertThat(e.result().replies())
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.reply().ok()).isFalse());
    }

    @Test
    void coverageLimitsHowManyPeersAreAsked() throws Exception {
        InProcessServer a = closer.start(InProcessServer.serving(SYNTHETIC));
        InProcessServer b = closer.start(InProcessServer.serving(SYNTHETIC));
        InProcessServer c = closer.start(InProcessServer.serving(SYNTHETIC));
        ConfdClient client = closer.track(ConfdClient.builder(KEY)
                .peers(a.peer(), b.peer(), c.peer())
                .coverage(1)
                .timeout(LONG_TIMEOUT)
                .build());

        ConfdResult result = value(client.query(RequestType.PING, QueryArgument.None.INSTANCE));

        assertThat(result.asked()).hasSize(1);
        assertThat(result.expected()).isEqualTo(1);
        assertThat(a.received() + b.received() + c.received()).isEqualTo(1);
    }

    private ConfdClient client(Duration timeout, InProcessServer... servers) throws Exception {
        List<String> peers = new ArrayList<>();
        for (InProcessServer s : servers) {
            peers.add(s.peer());
        }
        return closer.track(
                ConfdClient.builder(KEY).peers(peers).timeout(timeout).build());
    }
}
