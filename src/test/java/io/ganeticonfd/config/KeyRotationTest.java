package io.ganeticonfd.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.QueryArgument;
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
 * answered (signed with that key) during the grace period, and a second rotation retires the key
 * before it; a missing or empty key file keeps the last good key. The grace period's end is
 * {@link KeyFileLoaderTest}'s subject, on a clock it sets.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.LongGraceProfile.class)
class KeyRotationTest {

    private static final HmacKey ORIGINAL = ConformanceVectors.key("testsuite-2.16");
    /** A ceiling for a loaded CI box, not a speed promise. */
    private static final Duration CEILING = Duration.ofSeconds(30);

    @Inject
    ConfigReloader<PreparedAnswers> reloader;

    @Inject
    ServedConfig<PreparedAnswers> served;

    @Inject
    DaemonLifecycle lifecycle;

    /**
     * A temporary cluster whose previous key is accepted for 60 seconds after a rotation: longer than
     * any test here runs, so "still accepted" never depends on the machine's speed.
     */
    public static class LongGraceProfile implements QuarkusTestProfile {
        static final Path DIR = ClusterFiles.newClusterDir(7);

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "confd.config.file",
                    DIR.resolve("config.data").toString(),
                    "confd.hmac.key-file",
                    DIR.resolve("hmac.key").toString(),
                    "confd.hmac.rotation-grace",
                    "60S");
        }
    }

    @BeforeEach
    void restoreOriginalKey() {
        ClusterFiles.renameOver(keyFile(), ConformanceVectors.read("testsuite-2.16", "hmac.key"));
        await().atMost(CEILING)
                .until(() -> ORIGINAL.fingerprint().equals(reloader.keyStatus().fingerprint())
                        && reloader.keyStatus().error() == null);
    }

    @Test
    void acceptsThePreviousKeyDuringTheGracePeriod() {
        HmacKey next = rotateToANewKey();

        assertThat(answered(next)).as("new key, reply signed with it").hasSize(1);
        assertThat(answered(ORIGINAL))
                .as("previous key within the grace period, reply signed with it")
                .hasSize(1);
        given().get("/status")
                .then()
                .body("hmacKey.fingerprint", equalTo(next.fingerprint()))
                .body("hmacKey.previousFingerprint", equalTo(ORIGINAL.fingerprint()))
                .body("hmacKey.previousAcceptedUntil", notNullValue());
    }

    @Test
    void aSecondRotationWithinTheGracePeriodRetiresTheFirstKey() {
        HmacKey b = rotateToANewKey();
        HmacKey c = rotateToANewKey();

        assertThat(reloader.keyStatus().previousFingerprint()).isEqualTo(b.fingerprint());
        assertThat(answered(c)).as("C, the current key: reply signed with C").hasSize(1);
        assertThat(answered(b))
                .as("B, the previous key, within its grace period: reply signed with B")
                .hasSize(1);
        assertThat(exchangeSignedWith(ORIGINAL, c))
                .as("A, two rotations ago: dropped")
                .isEmpty();
    }

    @Test
    void keepsTheLastGoodKeyWhenTheFileDisappears() {
        keyFile().toFile().delete();
        await().atMost(CEILING).until(() -> reloader.keyStatus().error() != null);
        assertThat(reloader.keyStatus().fingerprint()).isEqualTo(ORIGINAL.fingerprint());
        assertThat(answered(ORIGINAL)).hasSize(1);
        given().get("/status").then().body("hmacKey.error", equalTo("key file does not exist"));
    }

    @Test
    void keepsTheLastGoodKeyWhenTheFileIsEmptied() {
        ClusterFiles.writeInPlace(keyFile(), new byte[0]);
        await().atMost(CEILING)
                .until(() -> "key file is empty".equals(reloader.keyStatus().error()));
        assertThat(answered(ORIGINAL)).hasSize(1);
    }

    /** Writes a fresh random key; returns it once it is the current key. */
    private HmacKey rotateToANewKey() {
        byte[] bytes = ("next-key-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        HmacKey written = HmacKey.of(bytes);
        ClusterFiles.renameOver(keyFile(), bytes);
        await().atMost(CEILING)
                .until(() -> written.fingerprint().equals(reloader.keyStatus().fingerprint()));
        return written;
    }

    /**
     * A ping signed with {@code key}, followed by a sentinel signed with the same key: the replies
     * before the sentinel's, each verified with {@code key} (a reply signed otherwise fails the test).
     */
    private List<UdpTestClient.Reply> answered(HmacKey key) {
        return exchangeSignedWith(key, key);
    }

    /** A ping signed with {@code key}, then a sentinel signed with {@code sentinelKey} (which must verify). */
    private List<UdpTestClient.Reply> exchangeSignedWith(HmacKey key, HmacKey sentinelKey) {
        try (UdpTestClient client = new UdpTestClient("127.0.0.1", lifecycle.udpPort(), sentinelKey)) {
            return client.exchange(UdpTestClient.request(
                    RequestType.PING,
                    QueryArgument.None.INSTANCE,
                    UUID.randomUUID().toString(),
                    key));
        }
    }

    private static Path keyFile() {
        return LongGraceProfile.DIR.resolve("hmac.key");
    }
}
