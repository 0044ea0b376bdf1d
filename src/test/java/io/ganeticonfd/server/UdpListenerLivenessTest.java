package io.ganeticonfd.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.ganeticonfd.http.LivenessCheck;
import io.netty.channel.nio.NioEventLoopGroup;

/**
 * A UDP listener's event loop ticks the liveness check: blocked, the daemon is reported not live
 * (once the loop has been silent for the check's limit), and live again once the loop runs.
 */
class UdpListenerLivenessTest {

    /** A ceiling for a loaded CI box: the check's 10 s silence limit plus a generous margin. */
    private static final Duration CEILING = Duration.ofSeconds(60);

    @Test
    void aBlockedEventLoopIsReportedDownThenUpAgainWhenItRuns() throws Exception {
        NioEventLoopGroup loop = new NioEventLoopGroup(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            DaemonLifecycle lifecycle = new DaemonLifecycle(null, null, null, null, null, null, null, null);
            UdpListener listener = UdpListener.bind(
                            loop,
                            false,
                            new UdpBinding("127.0.0.1", 0, false, new SocketTuning(4097, 0)),
                            new DatagramHandler(null, null, 4097),
                            lifecycle.heartbeats())
                    .get(30, TimeUnit.SECONDS);
            LivenessCheck check = new LivenessCheck(lifecycle);
            assertThat(check.call().getStatus()).as("a ticking loop").isEqualTo(HealthCheckResponse.Status.UP);

            loop.execute(() -> {
                try {
                    release.await(CEILING.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            await().atMost(CEILING).until(() -> check.call().getStatus() == HealthCheckResponse.Status.DOWN);
            HealthCheckResponse down = check.call();
            assertThat(down.getName()).isEqualTo("event-loops");
            assertThat(down.getData().orElseThrow()).containsEntry("loops", 1L);
            assertThat((Long) down.getData().orElseThrow().get("oldestTickAgeMillis"))
                    .isGreaterThan(10_000L);

            release.countDown();

            await().atMost(CEILING).until(() -> check.call().getStatus() == HealthCheckResponse.Status.UP);
            listener.close(5000);
        } finally {
            release.countDown();
            loop.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        }
    }
}
