package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.ganeticonfd.conformance.ConformanceVectors;

/** The HMAC key: exact bytes, HMAC-SHA1 as the JDK computes it, and never revealed. */
class HmacKeyTest {

    static final byte[] CONFORMANCE_KEY = ConformanceVectors.read("testsuite-2.16", "hmac.key");

    static byte[] jdkHmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void neverShowsTheKeyInToStringOrFingerprint() throws Exception {
        HmacKey key = HmacKey.of(CONFORMANCE_KEY);
        String keyText = new String(CONFORMANCE_KEY, StandardCharsets.US_ASCII);
        String expectedFingerprint =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CONFORMANCE_KEY), 0, 8);

        assertThat(key.fingerprint()).isEqualTo(expectedFingerprint).hasSize(16);
        assertThat(key.toString()).isEqualTo("HmacKey[sha256:" + expectedFingerprint + "]");
        for (String shown : List.of(key.toString(), key.fingerprint())) {
            assertThat(shown)
                    .doesNotContain(keyText.substring(0, 8))
                    .doesNotContain(keyText.substring(56))
                    .doesNotContain(HexFormat.of().formatHex(CONFORMANCE_KEY, 0, 4));
        }
    }

    @Test
    void neverShowsAShortTextKey() {
        HmacKey key = HmacKey.of("hunter2");

        assertThat(key.toString())
                .doesNotContain("hunter2")
                .doesNotContain(HexFormat.of().formatHex("hunter2".getBytes(StandardCharsets.US_ASCII)));
        assertThat(key.fingerprint()).doesNotContain("hunter2");
    }

    @Test
    void refusesAnEmptyKey() {
        assertThatThrownBy(() -> HmacKey.of(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty HMAC key");
        assertThatThrownBy(() -> HmacKey.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treatsATrailingNewlineAsPartOfTheKey() throws Exception {
        HmacKey withNewline = HmacKey.of("secret\n");
        HmacKey without = HmacKey.of("secret");
        byte[] salt = "1700000000".getBytes(StandardCharsets.UTF_8);
        byte[] msg = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(withNewline.sign(salt, msg))
                .isEqualTo(jdkHmac("secret\n".getBytes(StandardCharsets.UTF_8), "1700000000{}"))
                .isNotEqualTo(without.sign(salt, msg));
        assertThat(withNewline.sameBytes(without)).isFalse();
        assertThat(withNewline.fingerprint()).isNotEqualTo(without.fingerprint());
    }

    @Test
    void signsTheConcatenationLikeTheJdk() throws Exception {
        HmacKey key = HmacKey.of(CONFORMANCE_KEY);

        assertThat(key.sign(
                        "17".getBytes(StandardCharsets.UTF_8), "00000000{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(jdkHmac(CONFORMANCE_KEY, "1700000000{\"a\":1}"))
                .hasSize(HmacKey.DIGEST_BYTES);
    }

    @Test
    void verifiesOnlyTheExactDigest() {
        HmacKey key = HmacKey.of(CONFORMANCE_KEY);
        byte[] salt = "1".getBytes(StandardCharsets.UTF_8);
        byte[] msg = "m".getBytes(StandardCharsets.UTF_8);
        byte[] digest = key.sign(salt, msg);
        byte[] flipped = digest.clone();
        flipped[19] ^= 1;

        assertThat(key.verifies(salt, msg, digest)).isTrue();
        assertThat(key.verifies(salt, msg, flipped)).isFalse();
        assertThat(key.verifies(salt, msg, Arrays.copyOf(digest, 19))).isFalse();
        assertThat(key.verifies(msg, salt, digest)).isFalse();
    }

    @Test
    void copiesTheBytesItIsGiven() {
        byte[] bytes = "secret".getBytes(StandardCharsets.UTF_8);
        HmacKey key = HmacKey.of(bytes);
        byte[] before = key.sign(new byte[0], new byte[] {1});

        bytes[0] = 'X';

        assertThat(key.sign(new byte[0], new byte[] {1})).isEqualTo(before);
        assertThat(key.sameBytes(HmacKey.of("secret"))).isTrue();
        assertThat(key.sameBytes(null)).isFalse();
    }

    @Test
    void signsCorrectlyFromManyThreadsAtOnce() throws Exception {
        HmacKey key = HmacKey.of(CONFORMANCE_KEY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 2000)
                    .mapToObj(i -> pool.submit(() -> {
                        String salt = Integer.toString(i);
                        return Arrays.equals(
                                key.sign(salt.getBytes(StandardCharsets.UTF_8), "msg".getBytes(StandardCharsets.UTF_8)),
                                jdkHmac(CONFORMANCE_KEY, salt + "msg"));
                    }))
                    .toList();
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
