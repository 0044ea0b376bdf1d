package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The allocation-free {@code sign} into an array gives the JDK's HmacSHA1, for keys of any length. */
class HmacKeyPropertiesTest {

    @Property(tries = 1000)
    void signsIntoAnArrayAsTheJdkMac(
            @ForAll @Size(min = 1, max = 200) byte[] key,
            @ForAll @Size(max = 300) byte[] data,
            @ForAll @IntRange(max = 7) int off,
            @ForAll @IntRange(max = 7) int outOff)
            throws Exception {
        byte[] padded = new byte[off + data.length + 3];
        System.arraycopy(data, 0, padded, off, data.length);
        byte[] out = new byte[outOff + HmacKey.DIGEST_BYTES + 2];

        HmacKey.of(key).sign(padded, off, data.length, out, outOff);

        assertThat(Arrays.copyOfRange(out, outOff, outOff + HmacKey.DIGEST_BYTES))
                .isEqualTo(jdk(key, data));
    }

    @Property(tries = 500)
    void signsTwoPartsAsTheJdkMacOfTheirConcatenation(
            @ForAll @Size(min = 1, max = 100) byte[] key,
            @ForAll @Size(max = 100) byte[] first,
            @ForAll @IntRange(max = 5) int spare,
            @ForAll @Size(max = 100) byte[] second)
            throws Exception {
        byte[] firstBuffer = Arrays.copyOf(first, first.length + spare);
        byte[] out = new byte[HmacKey.DIGEST_BYTES];
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);

        HmacKey.of(key).sign(firstBuffer, first.length, second, out, 0);

        assertThat(out).isEqualTo(jdk(key, both)).isEqualTo(HmacKey.of(key).sign(first, second));
    }

    private static byte[] jdk(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac.doFinal(data);
    }
}
