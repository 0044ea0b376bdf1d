package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link Timestamps#parse(char[], int, int)} gives what {@link Timestamps#parse(String)} gives, on any salt. */
class TimestampsPropertiesTest {

    /** Salts: timestamps, padded, signed, fractional, huge, and any text. */
    @Provide
    Arbitrary<String> salts() {
        Arbitrary<String> numeric =
                Arbitraries.strings().withChars("0123456789").ofMaxLength(25);
        Arbitrary<String> decorated = Arbitraries.strings()
                .withChars("0123456789 \t\n\u000b\f\r\u00a0+-.e")
                .ofMaxLength(25);
        return Arbitraries.oneOf(
                numeric,
                decorated,
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.strings().all().ofMaxLength(25));
    }

    @Property(tries = 3000)
    void parsesCharsAsTheString(@ForAll("salts") String salt, @ForAll @IntRange(max = 4) int offset) {
        char[] chars = new char[offset + salt.length() + 2];
        java.util.Arrays.fill(chars, '7');
        salt.getChars(0, salt.length(), chars, offset);

        assertThat(Timestamps.parse(chars, offset, salt.length())).isEqualTo(Timestamps.parse(salt));
    }
}
