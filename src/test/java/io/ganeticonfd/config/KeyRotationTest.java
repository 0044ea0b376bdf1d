package io.ganeticonfd.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.server.DaemonLifecycle;
import io.ganeticonfd.support.ClusterFiles;
import io.ganeticonfd.support.UdpTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A changed hmac.key is picked up without restart; requests signed with the previous key are
 * answered (signed with that key) for the grace period, then refused; a missing key file keeps the
 * last good key.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.ShortGraceProfile.class)
class KeyRotationTest {

    private static final HmacKey ORIGINAL = ConformanceVectors.key("testsuite-2.16");

    @Inject
    ConfigReloader<PreparedAnswers> reloader;

    @Inject
    ServedConfig<PreparedAnswers> served;

    @Inject
    DaemonLifecycle lifecycle;

    /** A temporary cluster whose previous key is accepted for 3 seconds after a rotation. */
    public static class ShortGraceProfile implements QuarkusTestProfile {
        static final Path DIR = ClusterFiles.newClusterDir(7);

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("confd.config.file", DIR.resolve("config.data").toString(),
                    "confd.hmac.key-file", DIR.resolve("hmac.key").toString(), "confd.hmac.rotation-grace", "3S");
        }
    }

    @BeforeEach
    void restoreOriginalKey() {
        ClusterFiles.renameOver(keyFile(), ConformanceVectors.read("testsuite-2.16", "hmac.key"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ORIGINAL.fingerprint().equals(reloader.keyStatus().fingerprint())
                && reloader.keyStatus().error() == null);
    }

    @Test
    void acceptsThePreviousKeyDuringTheGracePeriodOnly() {
        byte[] nextBytes = ("next-key-" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HmacKey written = HmacKey.of(nextBytes);
        ClusterFiles.renameOver(keyFile(), nextBytes);
        await().atMost(Duration.ofSeconds(3)).until(() -> written.fingerprint().equals(reloader.keyStatus().fingerprint()));

        assertThat(ping(written)).as("new key").isNotNull();
        assertThat(ping(ORIGINAL)).as("previous key within the grace period").isNotNull();
        long graceEnds = reloader.keyStatus().previousUntil().getEpochSecond();
        given().get("/status").then().body("hmacKey.fingerprint", equalTo(written.fingerprint()))
                .body("hmacKey.previousFingerprint", equalTo(ORIGINAL.fingerprint()))
                .body("hmacKey.previousAcceptedUntil", notNullValue());

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> Instant.now().getEpochSecond() > graceEnds + 1);
        assertThat(ping(ORIGINAL, Duration.ofMillis(500))).as("previous key after the grace period").isNull();
        assertThat(ping(written)).isNotNull();
    }

    @Test
    void keepsTheLastGoodKeyWhenTheFileDisappears() {
        keyFile().toFile().delete();
        await().atMost(Duration.ofSeconds(3)).until(() -> reloader.keyStatus().error() != null);
        assertThat(reloader.keyStatus().fingerprint()).isEqualTo(ORIGINAL.fingerprint());
        assertThat(ping(ORIGINAL)).isNotNull();
        given().get("/status").then().body("hmacKey.error", equalTo("key file does not exist"));
    }

    @Test
    void keepsTheLastGoodKeyWhenTheFileIsEmptied() {
        ClusterFiles.writeInPlace(keyFile(), new byte[0]);
        await().atMost(Duration.ofSeconds(3)).until(() -> "key file is empty".equals(reloader.keyStatus().error()));
        assertThat(ping(ORIGINAL)).isNotNull();
    }

    private JsonNode ping(HmacKey key) {
        return ping(key, Duration.ofSeconds(3));
    }

    private JsonNode ping(HmacKey key, Duration timeout) {
        return UdpTestClient.askOnce(lifecycle.udpPort(), key, RequestType.PING, timeout);
    }

    private static Path keyFile() {
        return ShortGraceProfile.DIR.resolve("hmac.key");
    }
}
