package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.conformance.ConformanceVectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;

/** Properties of the request codec: round trips, the skew window, tampering, and total robustness. */
class RequestDecoderPropertiesTest {

    static final long NOW = 1_700_000_000L;
    static final HmacKey KEY = HmacKey.of(ConformanceVectors.read("testsuite-2.16", "hmac.key"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final RequestEncoder ENCODER = new RequestEncoder(JSON);
    static final RequestDecoder DECODER = new RequestDecoder(JSON.getFactory(), 300, 4096);

    static DecodeResult decode(byte[] data) {
        return DECODER.decode(data, 0, data.length, NOW, KeyRing.of(KEY));
    }

    @Provide
    Arbitrary<ConfdRequest> requests() {
        return ProtocolArbitraries.requests();
    }

    @Provide
    Arbitrary<String> text() {
        return ProtocolArbitraries.text();
    }

    @Property
    void acceptsEveryValidRequestAtEveryOffsetInsideTheSkewWindow(
            @ForAll("requests") ConfdRequest request, @ForAll @LongRange(min = -300, max = 300) long offset) {
        byte[] data = ENCODER.encode(request, NOW + offset, KEY);

        DecodeResult result = decode(data);

        assertThat(result).isInstanceOf(DecodeResult.Accepted.class);
        assertThat(((DecodeResult.Accepted) result).request()).isEqualTo(request);
    }

    @Property
    void rejectsEveryRequestOutsideTheSkewWindowOnBothSides(
            @ForAll("requests") ConfdRequest request,
            @ForAll @LongRange(min = 301, max = 1_000_000_000) long distance,
            @ForAll boolean future) {
        byte[] data = ENCODER.encode(request, future ? NOW + distance : NOW - distance, KEY);

        assertThat(decode(data))
                .isInstanceOfSatisfying(
                        DecodeResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.CLOCK_SKEW));
    }

    @Property
    void rejectsEveryOtherKey(
            @ForAll("requests") ConfdRequest request, @ForAll @NotEmpty @Size(max = 80) byte[] otherKey) {
        HmacKey other = HmacKey.of(otherKey);
        Assume.that(!other.sameBytes(KEY));

        assertThat(decode(ENCODER.encode(request, NOW, other)))
                .isInstanceOfSatisfying(
                        DecodeResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.BAD_HMAC));
    }

    @Property
    void rejectsEverySaltWithANonDigitAfterItsFirstCharacter(
            @ForAll("requests") ConfdRequest request,
            @ForAll @IntRange(min = 1, max = 10) int position,
            @ForAll char inserted) {
        Assume.that(inserted < '0' || inserted > '9');
        Assume.that(!Character.isSurrogate(inserted));
        String now = Long.toString(NOW);
        String salt = now.substring(0, position) + inserted + now.substring(position);
        byte[] data =
                ENCODER.sign("{\"protocol\":1,\"type\":" + request.type().code() + ",\"rsalt\":\"r\"}\n", salt, KEY);

        assertThat(decode(data))
                .isInstanceOfSatisfying(
                        DecodeResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.BAD_SALT));
    }

    /**
     * Changing any one byte of a signed request gets it dropped, except re-casing a hex digit whose
     * case carries no meaning: a digit of the HMAC, or of a {@code \\uXXXX} escape in the envelope
     * (the encoder writes astral characters as escaped surrogate pairs). Either way the datagram
     * still verifies and means exactly the same request.
     */
    @Property(tries = 3000)
    void refusesEverySingleByteChangeExceptTheCaseOfAHexDigit(
            @ForAll("requests") ConfdRequest request,
            @ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll byte replacement) {
        byte[] data = ENCODER.encode(request, NOW, KEY);
        int pos = where % data.length;
        Assume.that(data[pos] != replacement);
        byte[] changed = data.clone();
        changed[pos] = replacement;

        DecodeResult result = decode(changed);

        if (result instanceof DecodeResult.Accepted accepted) {
            assertThat(caseFreeHexDigits(new String(data, StandardCharsets.ISO_8859_1)))
                    .as("accepted change outside the HMAC and escape digits")
                    .contains(pos);
            assertThat(Character.toLowerCase((char) replacement)).isEqualTo(Character.toLowerCase((char) data[pos]));
            assertThat(accepted.request()).isEqualTo(request);
        } else {
            assertThat(((DecodeResult.Rejected) result).reason()).isNotNull();
        }
    }

    /** Changes the surrogate-pair escape's case by hand: the envelope decodes to the same text, so it verifies. */
    @Property
    void acceptsARecasedEscapeDigitAsTheSameRequest(@ForAll("requests") ConfdRequest request) {
        byte[] data = ENCODER.encode(request, NOW, KEY);
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int escape = text.indexOf("\\uD83D");
        Assume.that(escape >= 0);
        byte[] changed = data.clone();
        changed[escape + 2] = 'd';

        assertThat(decode(changed))
                .isInstanceOfSatisfying(
                        DecodeResult.Accepted.class,
                        a -> assertThat(a.request()).isEqualTo(request));
    }

    /** Positions of the HMAC's hex digits and of the four digits of every {@code \\u} escape in an envelope. */
    static Set<Integer> caseFreeHexDigits(String envelope) {
        Set<Integer> positions = new HashSet<>();
        int hmacStart = envelope.indexOf("\"hmac\":\"") + "\"hmac\":\"".length();
        for (int i = hmacStart; i < hmacStart + 40; i++) {
            positions.add(i);
        }
        for (int i = 0; i < envelope.length() - 1; i++) {
            if (envelope.charAt(i) == '\\') {
                if (envelope.charAt(i + 1) == 'u') {
                    for (int d = i + 2; d < i + 6; d++) {
                        positions.add(d);
                    }
                }
                i++;
            }
        }
        return positions;
    }

    @Property
    void neverThrowsOnArbitraryBytes(@ForAll @Size(max = 5000) byte[] data) {
        assertThat(decode(data)).isNotNull();
    }

    @Property
    void neverThrowsOnArbitraryBytesAfterTheMagic(@ForAll @Size(max = 600) byte[] tail) {
        byte[] data = new byte[4 + tail.length];
        System.arraycopy(RequestDecoder.MAGIC, 0, data, 0, 4);
        System.arraycopy(tail, 0, data, 4, tail.length);

        DecodeResult result = decode(data);

        assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
    }

    @Property
    void neverThrowsOnArbitraryJsonishEnvelopes(@ForAll("jsonish") String envelope) {
        assertThat(decode(("plj0" + envelope).getBytes(StandardCharsets.UTF_8))).isNotNull();
    }

    @Property
    void neverThrowsOnArbitrarySignedMessages(@ForAll("jsonish") String msg) {
        assertThat(decode(ENCODER.sign(msg, Long.toString(NOW), KEY))).isNotNull();
    }

    @Property
    void neverThrowsOnArbitrarySignedMessageText(@ForAll("text") String msg) {
        DecodeResult result = decode(ENCODER.sign(msg, Long.toString(NOW), KEY));

        assertThat(result)
                .isInstanceOfSatisfying(
                        DecodeResult.Rejected.class,
                        r -> assertThat(r.reason()).isIn(RejectReason.BAD_REQUEST, RejectReason.UNKNOWN_TYPE));
    }

    @Property
    void readsAnyPlainQueryBackExactly(
            @ForAll("text") String query, @ForAll @CharRange(from = '0', to = '9') char type) {
        byte[] data = ENCODER.sign(
                "{\"protocol\": 1, \"type\": " + type + ", \"rsalt\": \"r\", \"query\": " + ReplyBody.quote(query)
                        + "}\n",
                Long.toString(NOW),
                KEY);

        assertThat(decode(data))
                .isEqualTo(new DecodeResult.Accepted(
                        new ConfdRequest(
                                RequestType.fromCode(type - '0').orElseThrow(), new QueryArgument.Plain(query), "r"),
                        KEY));
    }

    /** Fragments of request-like JSON, glued at random: mostly almost-valid messages. */
    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> token = Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                " ",
                "\"protocol\"",
                "\"type\"",
                "\"rsalt\"",
                "\"query\"",
                "\"0\"",
                "\"1\"",
                "\"2\"",
                "\"3\"",
                "\"msg\"",
                "\"salt\"",
                "\"hmac\"",
                "1",
                "0",
                "11",
                "12",
                "-1",
                "2.5",
                "1e400",
                "1e2147483648",
                "-0",
                "null",
                "true",
                "\"\"",
                "\"x\"",
                "\"\\u0000\"",
                "\"\\ud800\"",
                "\"1700000000\"",
                "\"",
                "\\",
                "\n",
                "\u00e9",
                "\ud83d\ude00");
        return token.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }
}
