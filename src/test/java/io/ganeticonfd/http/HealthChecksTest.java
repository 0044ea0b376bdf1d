package io.ganeticonfd.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.config.ConfigReloader;
import io.ganeticonfd.config.ConfigSettings;
import io.ganeticonfd.config.HmacSettings;
import io.ganeticonfd.config.ReloadOutcome;
import io.ganeticonfd.config.ReloadSettings;
import io.ganeticonfd.config.ServedConfig;
import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;
import io.ganeticonfd.server.DaemonLifecycle;
import io.ganeticonfd.support.ClusterFiles;

/**
 * The checks' DOWN states on real inputs: a daemon whose UDP sockets are not bound has not started
 * and is not ready; without a snapshot (config.data missing) it is not ready, saying why; a file
 * changed after the served snapshot was loaded, and not loaded yet, is pending at /q/health/well.
 * (A blocked event loop: UdpListenerLivenessTest.)
 */
class HealthChecksTest {

    private static final Duration CEILING = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final QueryEngine engine = new QueryEngine();
    private final ServedConfig<PreparedAnswers> served = new ServedConfig<>(engine);
    private final DaemonLifecycle unbound = new DaemonLifecycle(null, served, engine, null, null, null, null, null);
    private ConfigReloader<PreparedAnswers> reloader;

    record Config(Path file, boolean redactPrivate) implements ConfigSettings {}

    record Hmac(Path keyFile, Duration maxClockSkew, Duration rotationGrace) implements HmacSettings {}

    /** Polling only, with a minimum interval between reloads far longer than the test: a change stays pending. */
    record Reload(Duration minInterval, Duration pollInterval, Duration settle, boolean fileEvents)
            implements ReloadSettings {}

    @AfterEach
    void stop() {
        if (reloader != null) {
            reloader.close();
        }
    }

    private ConfigReloader<PreparedAnswers> reloader(Path config) throws IOException {
        Files.write(dir.resolve("hmac.key"), ConformanceVectors.read("testsuite-2.16", "hmac.key"));
        reloader = new ConfigReloader<>(
                new Config(config, false),
                new Hmac(dir.resolve("hmac.key"), Duration.ofSeconds(300), Duration.ofSeconds(60)),
                new Reload(Duration.ofHours(1), Duration.ofMillis(20), Duration.ZERO, false),
                new ObjectMapper(),
                engine,
                served);
        assertThat(reloader.loadInitialKey()).isNull();
        return reloader;
    }

    @Test
    void notStartedWhileTheUdpSocketsAreNotBound() {
        HealthCheckResponse started = new StartupCheck(unbound).call();

        assertThat(started.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(started.getData().orElseThrow()).containsEntry("port", -1L);
    }

    @Test
    void notReadyWithoutASnapshotSayingWhy() throws IOException {
        Path config = dir.resolve("config.data");
        assertThat(reloader(config).reloadConfig()).isEqualTo(ReloadOutcome.FAILED);

        HealthCheckResponse ready = new ReadinessCheck(unbound, reloader, served).call();

        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(ready.getData().orElseThrow())
                .containsEntry("snapshot", false)
                .containsEntry("udpBound", false);
        assertThat((String) ready.getData().orElseThrow().get("error")).contains("does not exist");
        assertThat(new ConfigFileCheck(reloader, served).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void aFileNewerThanTheServedSnapshotIsPendingAtWell() throws IOException {
        Path config = dir.resolve("config.data");
        Files.write(config, ClusterFiles.withSerial(900));
        assertThat(reloader(config).reloadConfig()).isEqualTo(ReloadOutcome.RELOADED);
        ConfigFileCheck well = new ConfigFileCheck(reloader, served);
        reloader.start();
        assertThat(well.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        ClusterFiles.renameOver(config, ClusterFiles.withSerial(901));

        await().atMost(CEILING).until(() -> well.call().getStatus() == HealthCheckResponse.Status.DOWN);
        HealthCheckResponse pending = well.call();
        assertThat(pending.getData().orElseThrow())
                .containsKey("pending")
                .containsEntry("servedSerial", 900L)
                .doesNotContainKey("error");
        assertThat(served.snapshot().cluster().clusterSerial()).isEqualTo(900);
    }
}
