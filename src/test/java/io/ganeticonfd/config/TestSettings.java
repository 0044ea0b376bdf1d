package io.ganeticonfd.config;

import java.nio.file.Path;
import java.time.Duration;

/** Settings for caches and watchers built in plain JUnit tests (Quarkus builds them from config otherwise). */
final class TestSettings {

    private TestSettings() {
    }

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

    /** {@code confd.reload.*} without the warm-up. */
    record Reload(Duration minInterval, Duration pollInterval, Duration settle, boolean fileEvents) implements ReloadSettings {
        /** File events on, checks every 500 ms. */
        Reload(Duration minInterval, Duration settle) {
            this(minInterval, Duration.ofMillis(500), settle, true);
        }

        @Override
        public boolean warmUp() {
            return false;
        }
    }
}
