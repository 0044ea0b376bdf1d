package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ganeticonfd.support.ClusterFiles;

/**
 * A changed config is read ahead while it settles and served only if it did not change after it
 * was read: a read that overlapped a write is neither served nor reported as a failure.
 */
class ReadAheadTest {

    /** Long enough that no stall of a loaded CI box outlasts it (see the two-step write). */
    private static final Duration LONG_SETTLE = Duration.ofSeconds(8);

    private static final Duration CEILING = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    Path config;
    ServedConfig<String> served = new ServedConfig<>(TestSettings.ANSWERS);
    ConfigReloader<String> reloader;

    @BeforeEach
    void serveAConfig() throws IOException {
        config = dir.resolve("config.data");
        reloader =
                TestSettings.serving(served, dir, 1000, new TestSettings.Reload(Duration.ZERO, Duration.ofMillis(800)));
    }

    @AfterEach
    void stopWatching() {
        reloader.close();
    }

    @Test
    void aSupersededReadIsNeitherServedNorReported() throws IOException {
        List<ReloadEvent> events = new ArrayList<>();
        reloader.addReloadListener(events::add);
        Files.write(config, ClusterFiles.withSerial(1001));
        ConfigFileLoader.Prepared<String> stale = reloader.prepareConfig();
        Files.write(config, ClusterFiles.withSerial(1002));

        reloader.supersede(stale);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ReloadOutcome.SUPERSEDED);
            assertThat(e.nanos())
                    .as("the work of reading it")
                    .isEqualTo(stale.nanos())
                    .isPositive();
        });
        assertThat(served()).isEqualTo(1000);
        ReloadStatus status = reloader.status();
        assertThat(status.reloads())
                .containsEntry(ReloadOutcome.SUPERSEDED, 1L)
                .containsEntry(ReloadOutcome.RELOADED, 1L);
        assertThat(status.lastOutcome()).isEqualTo(ReloadOutcome.RELOADED);
        assertThat(reloader.commitConfig(reloader.prepareConfig())).isEqualTo(ReloadOutcome.RELOADED);
        assertThat(served()).isEqualTo(1002);
    }

    @Test
    void aPreparedSnapshotIsServedOnlyWhenCommitted() throws IOException {
        List<ReloadEvent> events = new ArrayList<>();
        reloader.addReloadListener(events::add);
        Files.write(config, ClusterFiles.withSerial(1003));

        ConfigFileLoader.Prepared<String> prepared = reloader.prepareConfig();

        assertThat(served()).isEqualTo(1000);
        assertThat(events).as("nothing counted before the commit").isEmpty();
        assertThat(prepared.stamp()).isEqualTo(FileStamp.of(config));
        long before = System.nanoTime();
        assertThat(reloader.commitConfig(prepared)).isEqualTo(ReloadOutcome.RELOADED);
        long commit = System.nanoTime() - before;
        assertThat(served()).isEqualTo(1003);
        assertThat(events)
                .singleElement()
                .satisfies(e -> assertThat(e.nanos())
                        .as("reading and swapping, not the wait between them")
                        .isBetween(prepared.nanos(), prepared.nanos() + commit));
    }

    @Test
    void aBrokenFileIsReportedWhenCommitted() throws IOException {
        Files.write(config, "{\"version\":".getBytes(StandardCharsets.UTF_8));

        ConfigFileLoader.Prepared<String> prepared = reloader.prepareConfig();

        assertThat(reloader.status().fileBroken()).as("not before the commit").isFalse();
        assertThat(reloader.commitConfig(prepared)).isEqualTo(ReloadOutcome.FAILED);
        assertThat(reloader.status().fileBroken()).isTrue();
        assertThat(served()).isEqualTo(1000);
    }

    @Test
    void aFileWrittenInTwoStepsIsServedWholeWithoutAFailure() throws Exception {
        // The half-written file is read ahead at once and held for the settle time: a settle far
        // longer than any stall of a loaded machine keeps that state long enough to be seen (and the
        // second half written) without racing it; the test costs one settle time after the write.
        reloader.close();
        reloader = TestSettings.reloader(
                served, config, dir.resolve("hmac.key"), new TestSettings.Reload(Duration.ZERO, LONG_SETTLE));
        assertThat(reloader.loadInitialKey()).isNull();
        reloader.start();
        byte[] next = ClusterFiles.withSerial(1004);

        try (OutputStream out = Files.newOutputStream(config)) {
            out.write(Arrays.copyOf(next, next.length / 2));
            out.flush();
            await().atMost(CEILING).pollInterval(Duration.ofMillis(5)).until(reloader::readingAhead);
            out.write(next, next.length / 2, next.length - next.length / 2);
        }

        await().atMost(CEILING).until(() -> served() == 1004);
        ReloadStatus status = reloader.status();
        assertThat(status.reloads()).containsEntry(ReloadOutcome.FAILED, 0L).containsEntry(ReloadOutcome.RELOADED, 1L);
        assertThat(status.reloads().get(ReloadOutcome.SUPERSEDED)).isPositive();
        assertThat(status.fileBroken()).isFalse();
    }

    private long served() {
        return served.snapshot().cluster().clusterSerial();
    }
}
