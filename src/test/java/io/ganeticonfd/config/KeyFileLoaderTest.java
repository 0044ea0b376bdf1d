package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.DecodeResult;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RejectReason;
import io.ganeticonfd.protocol.RequestDecoder;
import io.ganeticonfd.protocol.RequestEncoder;
import io.ganeticonfd.protocol.RequestType;

/**
 * The rotation grace period ends when the loader's clock says so: on a clock the test sets, the
 * previous key verifies up to the last second of the grace and is refused after it.
 */
class KeyFileLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant ROTATED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Instant now = ROTATED_AT;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void thePreviousKeyVerifiesUntilTheGracePeriodEndsAndNotAfter() throws IOException {
        byte[] a = "key-a-0123456789".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "key-b-0123456789".getBytes(StandardCharsets.US_ASCII);
        Path file = dir.resolve("hmac.key");
        Files.write(file, a);
        ServedConfig<String> served = new ServedConfig<>(TestSettings.ANSWERS);
        KeyFileLoader loader = new KeyFileLoader(file, GRACE, served, clock);
        assertThat(loader.loadInitial()).isNull();

        Files.write(file, b);
        loader.reload();

        assertThat(verifyingKey(served, a))
                .as("A just after the rotation")
                .isEqualTo(HmacKey.of(a).fingerprint());
        assertThat(loader.status().previousUntil()).isEqualTo(ROTATED_AT.plus(GRACE));
        now = ROTATED_AT.plus(GRACE);
        assertThat(verifyingKey(served, a))
                .as("A in the grace period's last second")
                .isEqualTo(HmacKey.of(a).fingerprint());
        assertThat(loader.status().previousFingerprint())
                .isEqualTo(HmacKey.of(a).fingerprint());

        now = ROTATED_AT.plus(GRACE).plusSeconds(1);

        assertThat(verifyingKey(served, a)).as("A after the grace period").isNull();
        assertThat(loader.status().previousFingerprint()).isNull();
        assertThat(verifyingKey(served, b)).isEqualTo(HmacKey.of(b).fingerprint());
    }

    /** The fingerprint of the served key that verifies a ping signed with {@code keyBytes} now, or null if refused for its HMAC. */
    private String verifyingKey(ServedConfig<String> served, byte[] keyBytes) {
        byte[] datagram = new RequestEncoder(JSON)
                .encode(
                        new ConfdRequest(RequestType.PING, QueryArgument.None.INSTANCE, "rsalt"),
                        now.getEpochSecond(),
                        HmacKey.of(keyBytes));
        DecodeResult result = new RequestDecoder(JSON.getFactory(), 300, 4096)
                .decode(datagram, 0, datagram.length, now.getEpochSecond(), served.keys());
        if (result instanceof DecodeResult.Rejected rejected) {
            assertThat(rejected.reason()).isEqualTo(RejectReason.BAD_HMAC);
            return null;
        }
        return ((DecodeResult.Accepted) result).key().fingerprint();
    }
}
