package io.ganeticonfd.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.server.DaemonLifecycle;
import io.ganeticonfd.support.ClusterFiles;
import io.ganeticonfd.support.ProjectedVolume;
import io.ganeticonfd.support.QueryStream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * config.data and hmac.key mounted as a Kubernetes ConfigMap and Secret: each {@code ..data} swap is
 * one reload; a swap bringing a broken file or a dangling link keeps the last good snapshot served
 * and reports the failure until a good swap recovers.
 */
@QuarkusTest
@TestProfile(KubernetesVolumeReloadTest.VolumeProfile.class)
class KubernetesVolumeReloadTest {

    private static final byte[] KEY = ConformanceVectors.read("testsuite-2.16", "hmac.key");
    /** A ceiling for a loaded CI box, not the product's reload promise (the benchmarks measure that). */
    private static final Duration CEILING = Duration.ofSeconds(30);

    private static final AtomicLong SERIALS = new AtomicLong(510_000);

    @Inject
    ConfigReloader<PreparedAnswers> reloader;

    @Inject
    ServedConfig<PreparedAnswers> served;

    @Inject
    DaemonLifecycle lifecycle;

    /** The daemon reading both files from projected volumes. */
    public static class VolumeProfile implements QuarkusTestProfile {
        static final Path ROOT = ClusterFiles.newClusterDir(1);
        static final ProjectedVolume CONFIG_MAP =
                new ProjectedVolume(ROOT.resolve("configmap"), Map.of("config.data", ClusterFiles.withSerial(500_000)));
        static final ProjectedVolume SECRET = new ProjectedVolume(ROOT.resolve("secret"), Map.of("hmac.key", KEY));

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "confd.config.file",
                    CONFIG_MAP.dir().resolve("config.data").toString(),
                    "confd.hmac.key-file",
                    SECRET.dir().resolve("hmac.key").toString());
        }
    }

    @Test
    void reloadsEachConfigMapSwapExactlyOnce() throws Exception {
        assertThat(Files.isSymbolicLink(VolumeProfile.CONFIG_MAP.dir().resolve("config.data")))
                .isTrue();
        try (QueryStream stream = new QueryStream(lifecycle.udpPort(), HmacKey.of(KEY))) {
            for (int i = 0; i < 3; i++) {
                long before = count(ReloadOutcome.RELOADED);
                long failedBefore = count(ReloadOutcome.FAILED);
                long expected = swapInGoodConfig();
                await().atMost(CEILING).until(() -> stream.latestSerial() == expected);
                assertThat(count(ReloadOutcome.RELOADED) - before).isEqualTo(1);
                assertThat(count(ReloadOutcome.FAILED) - failedBefore).isZero();
            }
            assertThat(stream.unanswered()).isZero();
            assertThat(stream.serialsNeverDecreased()).isTrue();
        }
    }

    @Test
    void rotatesTheKeyFromASecretSwap() {
        byte[] rotated = "rotated-key-from-the-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        HmacKey next = HmacKey.of(rotated);
        String before = reloader.keyStatus().fingerprint();
        VolumeProfile.SECRET.update(Map.of("hmac.key", rotated));
        await().atMost(CEILING)
                .until(() -> next.fingerprint().equals(reloader.keyStatus().fingerprint()));
        assertThat(reloader.keyStatus().previousFingerprint()).isEqualTo(before);
        VolumeProfile.SECRET.update(Map.of("hmac.key", KEY));
        await().atMost(CEILING)
                .until(() -> HmacKey.of(KEY)
                        .fingerprint()
                        .equals(reloader.keyStatus().fingerprint()));
    }

    @Test
    void keepsServingTheLastGoodSnapshotWhenASwapBringsABrokenFile() {
        byte[] good = ClusterFiles.withSerial(SERIALS.incrementAndGet());
        assertSurvivesSwap(
                () -> VolumeProfile.CONFIG_MAP.update(
                        Map.of("config.data", java.util.Arrays.copyOf(good, good.length / 2))),
                "invalid JSON");
    }

    @Test
    void keepsServingTheLastGoodSnapshotWhenASwapLeavesTheDataLinkDangling() {
        assertSurvivesSwap(VolumeProfile.CONFIG_MAP::updateDangling, "does not exist");
    }

    /** Serves a good swap, breaks the volume by {@code badSwap}, then recovers with another good swap. */
    private void assertSurvivesSwap(Runnable badSwap, String reason) {
        long good = swapInGoodConfig();
        try (QueryStream stream = new QueryStream(lifecycle.udpPort(), HmacKey.of(KEY))) {
            await().atMost(CEILING).until(() -> stream.latestSerial() == good);
            long failedBefore = count(ReloadOutcome.FAILED);

            badSwap.run();

            await().atMost(CEILING).until(() -> count(ReloadOutcome.FAILED) > failedBefore);
            ReloadStatus status = reloader.status();
            assertThat(status.fileBroken()).isTrue();
            assertThat(status.lastError()).contains(reason);
            assertThat(served.snapshot().cluster().clusterSerial())
                    .as("the last good snapshot")
                    .isEqualTo(good);
            given().get("/q/health/well").then().statusCode(503).body(containsString(reason));
            given().get("/q/health/ready").then().statusCode(200);
            long answered = stream.answered();
            await().atMost(CEILING).until(() -> stream.answered() > answered + 5);
            assertThat(stream.serialsSeen()).containsOnly(good);

            long recovered = swapInGoodConfig();

            await().atMost(CEILING).until(() -> stream.latestSerial() == recovered);
            assertThat(reloader.status().fileBroken()).isFalse();
            given().get("/q/health/well").then().statusCode(200);
            assertThat(stream.unanswered()).isZero();
            assertThat(stream.serialsNeverDecreased()).isTrue();
        }
    }

    /** Swaps in a config with a new serial; returns the serial once it is served. */
    private long swapInGoodConfig() {
        long serial = SERIALS.incrementAndGet();
        VolumeProfile.CONFIG_MAP.update(Map.of("config.data", ClusterFiles.withSerial(serial)));
        await().atMost(CEILING)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> served.snapshot().cluster().clusterSerial() == serial
                        && !reloader.status().fileBroken());
        return serial;
    }

    private long count(ReloadOutcome outcome) {
        return reloader.status().reloads().get(outcome);
    }
}
