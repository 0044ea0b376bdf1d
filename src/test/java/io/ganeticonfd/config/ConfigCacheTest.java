package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.support.ClusterFiles;

/** The file stamp the cache reports as last seen, which the watcher compares the file against. */
class ConfigCacheTest {

    @TempDir
    Path dir;

    Path config;
    ConfigCache cache;
    byte[] served;

    @BeforeEach
    void serveAConfig() throws IOException {
        config = dir.resolve("config.data");
        served = ClusterFiles.withSerial(2000);
        Files.write(config, served);
        Files.write(dir.resolve("hmac.key"), ConformanceVectors.read("testsuite-2.16", "hmac.key"));
        cache = new ConfigCache(new TestSettings.Config(config), new TestSettings.Hmac(dir.resolve("hmac.key")),
                new ObjectMapper());
        assertThat(cache.reloadConfig()).isEqualTo(ReloadOutcome.RELOADED);
    }

    @Test
    void aBrokenFileIsLastSeenWithItsOwnStamp() throws IOException {
        Files.write(config, "{\"version\":".getBytes(StandardCharsets.UTF_8));

        assertThat(cache.reloadConfig()).isEqualTo(ReloadOutcome.FAILED);

        assertThat(cache.lastSeenConfigStamp()).isEqualTo(FileStamp.of(config));
        assertThat(cache.status().fileBroken()).isTrue();
    }

    @Test
    void theServedContentRestoredAfterAFailureIsLastSeenWithItsNewStamp() throws IOException {
        Files.write(config, "{\"version\":".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.reloadConfig()).isEqualTo(ReloadOutcome.FAILED);
        FileStamp broken = FileStamp.of(config);
        Files.delete(config);
        Files.write(config, served);

        assertThat(cache.reloadConfig()).isEqualTo(ReloadOutcome.UNCHANGED);

        assertThat(cache.lastSeenConfigStamp()).as("not the broken file's, or the watcher reloads forever")
                .isEqualTo(FileStamp.of(config)).isNotEqualTo(broken);
        assertThat(cache.status().fileBroken()).isFalse();
        assertThat(cache.status().lastError()).as("kept for the record").contains("invalid JSON");
    }
}
