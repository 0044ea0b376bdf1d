package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.support.ClusterFiles;

/** Settings for caches and watchers built in plain JUnit tests (Quarkus builds them from config otherwise). */
final class TestSettings {

    private TestSettings() {}

    /** {@code confd.config.*}: this file, private values served as they are. */
    record Config(Path file, boolean redactPrivate) implements ConfigSettings {
        Config(Path file) {
            this(file, false);
        }
    }

    /** {@code confd.hmac.*}: this key file, Ganeti's 300 s skew, 60 s rotation grace. */
    record Hmac(Path keyFile, Duration maxClockSkew, Duration rotationGrace) implements HmacSettings {
        Hmac(Path keyFile) {
            this(keyFile, Duration.ofSeconds(300), Duration.ofSeconds(60));
        }
    }

    /** {@code confd.reload.*}. */
    record Reload(Duration minInterval, Duration pollInterval, Duration settle, boolean fileEvents)
            implements ReloadSettings {
        /** File events on, checks every 500 ms. */
        Reload(Duration minInterval, Duration settle) {
            this(minInterval, Duration.ofMillis(500), settle, true);
        }
    }

    /** "Answers" naming the snapshot's cluster serial, or why there is none: enough to see what is served with what. */
    static final AnswerPreparer<String> ANSWERS = new AnswerPreparer<>() {
        @Override
        public String prepare(ClusterSnapshot snapshot) {
            return "serial " + snapshot.cluster().clusterSerial();
        }

        @Override
        public String unavailable(String reason) {
            return reason;
        }
    };

    /** A reloader of {@code config} and {@code key} into {@code served}, following changes as {@code reload} says once started. */
    static ConfigReloader<String> reloader(ServedConfig<String> served, Path config, Path key, ReloadSettings reload) {
        return new ConfigReloader<>(new Config(config), new Hmac(key), reload, new ObjectMapper(), ANSWERS, served);
    }

    /** A reloader of {@code config} and {@code key} into {@code served} with the default reload settings (1 s, 100 ms). */
    static ConfigReloader<String> reloader(ServedConfig<String> served, Path config, Path key) {
        return reloader(served, config, key, new Reload(Duration.ofSeconds(1), Duration.ofMillis(100)));
    }

    /**
     * A reloader serving {@code dir/config.data} (a cluster at {@code serial}) with the testsuite's
     * {@code dir/hmac.key}, both loaded, not yet started.
     */
    static ConfigReloader<String> serving(ServedConfig<String> served, Path dir, int serial, ReloadSettings reload)
            throws IOException {
        Files.write(dir.resolve("config.data"), ClusterFiles.withSerial(serial));
        Files.write(dir.resolve("hmac.key"), ConformanceVectors.read("testsuite-2.16", "hmac.key"));
        ConfigReloader<String> reloader = reloader(served, dir.resolve("config.data"), dir.resolve("hmac.key"), reload);
        assertThat(reloader.loadInitialKey()).isNull();
        assertThat(reloader.reloadConfig()).isEqualTo(ReloadOutcome.RELOADED);
        return reloader;
    }
}
