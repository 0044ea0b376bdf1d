package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.support.ClusterFiles;

/** The file stamp the reloader reports as last seen, which it compares the file against. */
class ConfigReloaderTest {

    @TempDir
    Path dir;

    Path config;
    ServedConfig<String> served = new ServedConfig<>(TestSettings.ANSWERS);
    ConfigReloader<String> reloader;
    byte[] good;

    @BeforeEach
    void serveAConfig() throws IOException {
        config = dir.resolve("config.data");
        good = ClusterFiles.withSerial(2000);
        Files.write(config, good);
        Files.write(dir.resolve("hmac.key"), ConformanceVectors.read("testsuite-2.16", "hmac.key"));
        reloader = TestSettings.reloader(served, config, dir.resolve("hmac.key"));
        assertThat(reloader.reloadConfig()).isEqualTo(ReloadOutcome.RELOADED);
    }

    @Test
    void aBrokenFileIsLastSeenWithItsOwnStamp() throws IOException {
        Files.write(config, "{\"version\":".getBytes(StandardCharsets.UTF_8));

        assertThat(reloader.reloadConfig()).isEqualTo(ReloadOutcome.FAILED);

        assertThat(reloader.lastSeenConfigStamp()).isEqualTo(FileStamp.of(config));
        assertThat(reloader.status().fileBroken()).isTrue();
    }

    @Test
    void theServedContentRestoredAfterAFailureIsLastSeenWithItsNewStamp() throws IOException {
        Files.write(config, "{\"version\":".getBytes(StandardCharsets.UTF_8));
        assertThat(reloader.reloadConfig()).isEqualTo(ReloadOutcome.FAILED);
        FileStamp broken = FileStamp.of(config);
        Files.delete(config);
        Files.write(config, good);

        assertThat(reloader.reloadConfig()).isEqualTo(ReloadOutcome.UNCHANGED);

        assertThat(reloader.lastSeenConfigStamp())
                .as("not the broken file's, or the watcher reloads forever")
                .isEqualTo(FileStamp.of(config))
                .isNotEqualTo(broken);
        assertThat(reloader.status().fileBroken()).isFalse();
        assertThat(reloader.status().lastError()).as("kept for the record").contains("invalid JSON");
    }

    @Test
    void servesEachSnapshotWithTheAnswersPreparedForIt() throws IOException {
        Files.write(config, ClusterFiles.withSerial(2001));
        ConfigFileLoader.Prepared<String> prepared = reloader.prepareConfig();

        assertThat(served.answers()).as("prepared, not served yet").isEqualTo("serial 2000");
        assertThat(reloader.commitConfig(prepared)).isEqualTo(ReloadOutcome.RELOADED);

        ServedConfig.Served<String> now = served.served();
        assertThat(now.snapshot().cluster().clusterSerial()).isEqualTo(2001);
        assertThat(now.answers()).isEqualTo("serial 2001");
    }

    @Test
    void answersWithTheReasonUntilAConfigLoads() throws IOException {
        ServedConfig<String> none = new ServedConfig<>(TestSettings.ANSWERS);
        ConfigReloader<String> broken =
                TestSettings.reloader(none, dir.resolve("missing.data"), dir.resolve("hmac.key"));

        assertThat(none.answers()).isEqualTo("Configuration not loaded yet");
        assertThat(broken.reloadConfig()).isEqualTo(ReloadOutcome.FAILED);
        assertThat(none.snapshot()).isNull();
        assertThat(none.answers()).startsWith("Cannot load configuration from ").endsWith("file does not exist");
    }
}
