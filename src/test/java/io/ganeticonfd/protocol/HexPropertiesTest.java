package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** {@link Hex#isDigest} and {@link Hex#matches} agree with {@code HexFormat} and {@link Hex#decodeDigest}. */
class HexPropertiesTest {

    /** Hex-looking text: mostly 40 chars of hex digits of either case, some other chars and lengths. */
    @Provide
    Arbitrary<String> hexish() {
        Arbitrary<String> digits =
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(40);
        Arbitrary<String> near = Arbitraries.strings()
                .withChars("0123456789abcdefABCDEFgG:/@`\u0660\uff10 ")
                .ofMinLength(38)
                .ofMaxLength(42);
        return Arbitraries.oneOf(digits, near, Arbitraries.strings().all().ofMaxLength(44));
    }

    @Property(tries = 2000)
    void acceptsWhatDecodeDigestAccepts(@ForAll("hexish") String hex) {
        char[] chars = (hex + "00").toCharArray();

        assertThat(Hex.isDigest(chars, hex.length())).isEqualTo(Hex.decodeDigest(hex) != null);
    }

    @Property(tries = 2000)
    void matchesExactlyTheDigestHexFormatParses(@ForAll("hexish") String hex, @ForAll @Size(20) byte[] other) {
        if (Hex.decodeDigest(hex) == null) {
            return;
        }
        byte[] parsed = HexFormat.of().parseHex(hex);
        byte[] shifted = new byte[23];
        System.arraycopy(parsed, 0, shifted, 3, 20);

        assertThat(Hex.matches(hex.toCharArray(), shifted, 3)).isTrue();
        assertThat(Hex.matches(hex.toCharArray(), other, 0)).isEqualTo(java.util.Arrays.equals(parsed, other));
    }

    @Property
    void aChangeInAnyByteIsNoMatch(
            @ForAll @Size(20) byte[] digest, @ForAll("index") int i, @ForAll("nonZero") byte flip) {
        char[] hex = HexFormat.of().withUpperCase().formatHex(digest).toCharArray();
        digest[i] ^= flip;

        assertThat(Hex.matches(hex, digest, 0)).isFalse();
    }

    @Provide
    Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 19);
    }

    @Provide
    Arbitrary<Byte> nonZero() {
        return Arbitraries.bytes().filter(b -> b != 0);
    }
}
