package io.ganeticonfd.client;

import static io.ganeticonfd.client.Futures.confdFailure;
import static io.ganeticonfd.client.Futures.value;
import static io.ganeticonfd.client.InProcessServer.SYNTHETIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.support.Closer;

/** Expiry, retries, closing and concurrent use of one client. */
class ConfdClientLifecycleTest {

    private static final HmacKey KEY = ConformanceVectors.key(SYNTHETIC);
    /** The timeout where no reply can come (silent peers, a dropped request): the outcome is the subject, not the clock. */
    private static final Duration SHORT = Duration.ofMillis(300);
    /**
     * The timeout where a reply must come within it: a ceiling for a loaded CI box (the test waits it
     * out only where other peers stay silent or a request is dropped on purpose).
     */
    private static final Duration REPLY_CEILING = Duration.ofSeconds(5);

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void expiresAfterTheTimeoutWithNoReplyWhenEveryPeerIsDown() throws Exception {
        InProcessServer a = closer.start(InProcessServer.serving(SYNTHETIC).silent());
        InProcessServer b = closer.start(InProcessServer.serving(SYNTHETIC).silent());
        ConfdClient client = closer.track(ConfdClient.builder(KEY)
                .peers(a.peer(), b.peer())
                .timeout(SHORT)
                .build());

        long start = System.nanoTime();
        ConfdResult result = value(client.query(RequestType.PING, QueryArgument.None.INSTANCE));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).isGreaterThanOrEqualTo(SHORT);
        assertThat(result.answered()).isFalse();
        assertThat(result.chosen()).isEmpty();
        assertThat(result.outcomes())
                .hasSize(2)
                .extracting(PeerOutcome::status)
                .containsOnly(PeerOutcome.Status.NO_REPLY);
        ConfdException e = confdFailure(client.clusterMaster());
        assertThat(e.reason()).isEqualTo(ConfdException.Reason.NO_REPLY);
        assertThat(e.status()).isEmpty();
    }

    @Test
    void completesAtTheTimeoutWithTheRepliesThatArrived() throws Exception {
        InProcessServer good = closer.start(InProcessServer.serving(SYNTHETIC));
        InProcessServer down1 = closer.start(InProcessServer.serving(SYNTHETIC).silent());
        InProcessServer down2 = closer.start(InProcessServer.serving(SYNTHETIC).silent());
        ConfdClient client = closer.track(ConfdClient.builder(KEY)
                .peers(good.peer(), down1.peer(), down2.peer())
                .timeout(REPLY_CEILING)
                .build());

        ConfdResult result = value(client.query(RequestType.CLUSTER_MASTER, QueryArgument.None.INSTANCE));

        assertThat(result.expected()).isEqualTo(2);
        assertThat(result.complete()).isFalse();
        assertThat(result.replies()).hasSize(1);
        assertThat(value(client.clusterMaster())).isEqualTo("node1.example.com");
    }

    @Test
    void peersThatCannotBeSentToAreReportedWithoutWaitingForTheTimeout() throws Exception {
        ConfdClient client = closer.track(ConfdClient.builder(KEY)
                .peers("255.255.255.255:1814")
                .timeout(Duration.ofMinutes(5))
                .build());

        ConfdResult result = value(client.query(RequestType.PING, QueryArgument.None.INSTANCE));

        assertThat(result.outcomes()).extracting(PeerOutcome::status).containsExactly(PeerOutcome.Status.NOT_SENT);
    }

    @Test
    void retriesResendToAPeerThatMissedTheRequest() throws Exception {
        InProcessServer lossy = closer.start(InProcessServer.serving(SYNTHETIC).ignoreFirst(1));
        ConfdClient client = closer.track(ConfdClient.builder(KEY)
                .peers(lossy.peer())
                .timeout(REPLY_CEILING)
                .retries(1)
                .build());

        assertThat(value(client.clusterMaster())).isEqualTo("node1.example.com");
        assertThat(lossy.received()).isEqualTo(2);
    }

    @Test
    void withoutRetriesAMissedRequestGetsNoReply() throws Exception {
        InProcessServer lossy = closer.start(InProcessServer.serving(SYNTHETIC).ignoreFirst(1));
        ConfdClient client = closer.track(
                ConfdClient.builder(KEY).peers(lossy.peer()).timeout(SHORT).build());

        assertThat(confdFailure(client.clusterMaster()).reason()).isEqualTo(ConfdException.Reason.NO_REPLY);
        await().atMost(Futures.BOUND)
                .untilAsserted(() -> assertThat(lossy.received()).isEqualTo(1));
    }

    @Test
    void retriesAskPeersThatWereNotAskedYet() throws Exception {
        InProcessServer down = closer.start(InProcessServer.serving(SYNTHETIC).silent());
        InProcessServer good = closer.start(InProcessServer.serving(SYNTHETIC));
        ConfdClient client = closer.track(ConfdClient.builder(KEY)
                .peers(down.peer(), good.peer())
                .coverage(1)
                .shuffle(false)
                .timeout(REPLY_CEILING)
                .retries(1)
                .build());

        ConfdResult result = value(client.query(RequestType.CLUSTER_MASTER, QueryArgument.None.INSTANCE));

        assertThat(result.asked()).extracting(Peer::toString).containsExactly(down.peer(), good.peer());
        assertThat(result.chosen()).map(c -> c.peer().toString()).contains(good.peer());
        await().atMost(Futures.BOUND)
                .untilAsserted(() -> assertThat(down.received()).isEqualTo(2));
    }

    @Test
    void closeFailsPendingRequestsAndLaterOnes() throws Exception {
        InProcessServer down = closer.start(InProcessServer.serving(SYNTHETIC).silent());
        ConfdClient client = ConfdClient.builder(KEY)
                .peers(down.peer())
                .timeout(Duration.ofMinutes(5))
                .build();
        CompletableFuture<ConfdResult> pending = client.query(RequestType.PING, QueryArgument.None.INSTANCE);
        await().atMost(Futures.BOUND).until(() -> down.received() == 1);

        client.close();

        assertThat(confdFailure(pending).reason()).isEqualTo(ConfdException.Reason.CLOSED);
        assertThat(confdFailure(client.ping()).reason()).isEqualTo(ConfdException.Reason.CLOSED);
        client.close();
    }

    @Test
    void manyThreadsGetTheirOwnAnswers() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));
        ConfdClient client = closer.track(ConfdClient.builder(KEY)
                .peers(server.peer())
                .timeout(Duration.ofSeconds(5))
                .retries(2)
                .build());
        List<String> uuids = List.of(
                "1773308c-dc6b-43ab-ae47-dc0e959f3a51",
                "2b0b8c12-f3b3-4f32-8702-66c44155d7ef",
                "2b28fef0-2b9c-414e-a5ac-06d864c2f2e3",
                "552b82f6-be3e-4c0a-9ef2-a4f04be03db0",
                "5804f922-8386-4a29-a78a-5aa33b6fe507",
                "91eb79fa-5d5f-476c-9eb8-fc4c7b297d0b");
        List<String> names = List.of(
                "node10.example.com",
                "node1.example.org",
                "node5.example.com",
                "node1.example.com",
                "node6.example.com",
                "node8.example.com");
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int offset = t;
            workers.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    int n = (offset + i) % uuids.size();
                    String answer = value(client.configValue("/nodes/" + uuids.get(n) + "/name"))
                            .asText();
                    if (!answer.equals(names.get(n))) {
                        wrong.add(uuids.get(n) + " -> " + answer);
                    }
                }
            }));
        }
        try {
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(wrong).isEmpty();
        assertThat(server.replied()).isGreaterThanOrEqualTo(1600);
    }

    @Test
    void futuresCompleteOffTheIoThreadByDefault() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));
        ConfdClient client =
                closer.track(ConfdClient.builder(KEY).peers(server.peer()).build());

        String thread =
                value(client.ping().thenApply(v -> Thread.currentThread().getName()));

        assertThat(thread).doesNotStartWith("confd-client-io");
    }

    @Test
    void requestsLargerThanConfdReadsFailWithoutBeingSent() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));
        ConfdClient client =
                closer.track(ConfdClient.builder(KEY).peers(server.peer()).build());
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ips.add("198.18." + i / 250 + "." + i % 250);
        }

        assertThatThrownBy(() -> client.nodePrimaryIpsByInstanceIps(ips, null).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4096");
        assertThat(server.received()).isZero();
    }
}
