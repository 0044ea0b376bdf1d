package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link Utf8} writes exactly the bytes of {@code String.getBytes(UTF_8)}, lone surrogates included, and finds those. */
class Utf8PropertiesTest {

    /** Any chars, surrogates (paired, lone, reversed) made frequent. */
    @Provide
    Arbitrary<String> anyChars() {
        Arbitrary<String> all = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> surrogateHeavy = Arbitraries.strings()
                .withChars("a\u00e9\u20ac\ud83d\ude00\ud800\udbff\udc00\udfff")
                .withCharRange('\ud800', '\udfff')
                .ofMaxLength(40);
        return Arbitraries.oneOf(all, surrogateHeavy, ProtocolArbitraries.text());
    }

    @Property(tries = 2000)
    void encodesAsStringGetBytes(
            @ForAll("anyChars") String s, @ForAll @IntRange(max = 5) int offset, @ForAll @IntRange(max = 5) int pos) {
        char[] src = new char[offset + s.length() + 3];
        Arrays.fill(src, '\ud800');
        s.getChars(0, s.length(), src, offset);
        byte[] dst = new byte[pos + s.length() * Utf8.MAX_BYTES_PER_CHAR];

        int end = Utf8.encode(src, offset, s.length(), dst, pos);

        assertThat(Arrays.copyOfRange(dst, pos, end)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes of every kind, runs of ASCII long enough for the eight-at-a-time path made frequent. */
    @Provide
    Arbitrary<byte[]> anyBytes() {
        Arbitrary<byte[]> all = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> mostlyAscii = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(30, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7e)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of((byte) 0xc0, (byte) 0xc1, (byte) 0xf5, (byte) 0xff)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.bytes().between((byte) 0x80, (byte) 0xf4)))
                .array(byte[].class)
                .ofMaxSize(40);
        return Arbitraries.oneOf(all, mostlyAscii);
    }

    @Property(tries = 3000)
    void findsBytesUtf8NeverUsesWhereverTheyAre(
            @ForAll("anyBytes") byte[] bytes,
            @ForAll @IntRange(max = 9) int offset,
            @ForAll @IntRange(max = 9) int trail) {
        byte[] data = new byte[offset + bytes.length + trail];
        Arrays.fill(data, (byte) 0xff);
        System.arraycopy(bytes, 0, data, offset, bytes.length);
        boolean expected = true;
        for (byte b : bytes) {
            int u = b & 0xff;
            expected &= u != 0xc0 && u != 0xc1 && u < 0xf5;
        }

        assertThat(Utf8.usesOnlyUtf8Bytes(data, offset, bytes.length)).isEqualTo(expected);
    }

    @Test
    void findsAByteUtf8NeverUsesInAnyPositionOfALongAsciiText() {
        byte[] text = "{\"msg\": \"{\\\"type\\\": 0}\", \"salt\": \"1700000000\"}".getBytes(StandardCharsets.US_ASCII);
        assertThat(Utf8.usesOnlyUtf8Bytes(text, 0, text.length)).isTrue();
        for (int i = 0; i < text.length; i++) {
            for (int bad : new int[] {0xc0, 0xc1, 0xf5, 0xff}) {
                byte[] copy = text.clone();
                copy[i] = (byte) bad;
                assertThat(Utf8.usesOnlyUtf8Bytes(copy, 0, copy.length))
                        .as("0x%x at %d", bad, i)
                        .isFalse();
            }
        }
    }

    @Property
    void encodesAsciiAsStringGetBytesAndRefusesTheRest(@ForAll("anyChars") String s) {
        byte[] dst = new byte[s.length() + 2];

        int end = Utf8.encodeAscii(s, dst, 2);

        if (s.chars().allMatch(c -> c < 0x80)) {
            assertThat(Arrays.copyOfRange(dst, 2, end)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        } else {
            assertThat(end).isEqualTo(-1);
        }
    }

    /** A lone surrogate is exactly what makes a UTF-8 round trip lose a char. */
    @Property(tries = 2000)
    void findsALoneSurrogateExactlyWhenUtf8CannotCarryTheText(
            @ForAll("anyChars") String s, @ForAll @IntRange(max = 5) int offset) {
        char[] src = new char[offset + s.length() + 1];
        Arrays.fill(src, '\ud800');
        s.getChars(0, s.length(), src, offset);

        boolean roundTrips = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s);

        assertThat(Utf8.hasLoneSurrogate(src, offset, s.length())).isEqualTo(!roundTrips);
    }

    @Test
    void aPairSplitByTheEndOfTheRangeIsTwoLoneSurrogates() {
        char[] src = {'\ud83d', '\ude00'};
        byte[] dst = new byte[8];

        assertThat(Utf8.encode(src, 0, 1, dst, 0)).isEqualTo(1);
        assertThat(dst[0]).isEqualTo((byte) '?');
        assertThat(Utf8.encode(src, 1, 1, dst, 0)).isEqualTo(1);
        assertThat(Utf8.encode(src, 0, 2, dst, 0)).isEqualTo(4);
        assertThat(Utf8.hasLoneSurrogate(src, 0, 1)).isTrue();
        assertThat(Utf8.hasLoneSurrogate(src, 1, 1)).isTrue();
        assertThat(Utf8.hasLoneSurrogate(src, 0, 2)).isFalse();
    }

    @Test
    void refusesAsciiThatDoesNotFit() {
        assertThat(Utf8.encodeAscii("abc", new byte[2], 0)).isEqualTo(-1);
    }
}
