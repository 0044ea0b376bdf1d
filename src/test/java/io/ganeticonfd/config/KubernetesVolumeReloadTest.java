package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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

/** config.data and hmac.key mounted as a Kubernetes ConfigMap and Secret: each {@code ..data} swap is one reload. */
@QuarkusTest
@TestProfile(KubernetesVolumeReloadTest.VolumeProfile.class)
class KubernetesVolumeReloadTest {

    private static final byte[] KEY = ConformanceVectors.read("testsuite-2.16", "hmac.key");

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
            return Map.of("confd.config.file", CONFIG_MAP.dir().resolve("config.data").toString(),
                    "confd.hmac.key-file", SECRET.dir().resolve("hmac.key").toString());
        }
    }

    @Test
    void reloadsEachConfigMapSwapExactlyOnce() throws Exception {
        assertThat(Files.isSymbolicLink(VolumeProfile.CONFIG_MAP.dir().resolve("config.data"))).isTrue();
        try (QueryStream stream = new QueryStream(lifecycle.udpPort(), HmacKey.of(KEY))) {
            for (long serial = 500_001; serial <= 500_003; serial++) {
                long before = reloader.status().reloads().get(ReloadOutcome.RELOADED);
                VolumeProfile.CONFIG_MAP.update(Map.of("config.data", ClusterFiles.withSerial(serial)));
                long expected = serial;
                await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(10))
                        .until(() -> served.snapshot().cluster().clusterSerial() == expected);
                await().atMost(Duration.ofSeconds(1)).until(() -> stream.latestSerial() == expected);
                assertThat(reloader.status().reloads().get(ReloadOutcome.RELOADED) - before).isEqualTo(1);
                assertThat(reloader.status().reloads().get(ReloadOutcome.FAILED)).isZero();
            }
            assertThat(stream.unanswered()).isZero();
            assertThat(stream.serialsNeverDecreased()).isTrue();
        }
    }

    @Test
    void rotatesTheKeyFromASecretSwap() {
        byte[] rotated = "rotated-key-from-the-secret-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HmacKey next = HmacKey.of(rotated);
        String before = reloader.keyStatus().fingerprint();
        VolumeProfile.SECRET.update(Map.of("hmac.key", rotated));
        await().atMost(Duration.ofSeconds(3)).until(() -> next.fingerprint().equals(reloader.keyStatus().fingerprint()));
        assertThat(reloader.keyStatus().previousFingerprint()).isEqualTo(before);
        VolumeProfile.SECRET.update(Map.of("hmac.key", KEY));
        await().atMost(Duration.ofMillis(2500)).until(() -> HmacKey.of(KEY).fingerprint().equals(reloader.keyStatus().fingerprint()));
    }
}
