package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.conformance.DatagramFactory;

/**
 * Every way a datagram is accepted or dropped by {@link RequestDecoder}, each with a real datagram
 * and its specific {@link RejectReason}; time is fixed so the skew window is exact to the second.
 */
class RequestDecoderTest {

    static final long NOW = 1_700_000_000L;
    static final HmacKey KEY = HmacKey.of(ConformanceVectors.read("testsuite-2.16", "hmac.key"));
    static final HmacKey OTHER_KEY = HmacKey.of("0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0");
    static final ObjectMapper JSON = new ObjectMapper();
    static final RequestEncoder ENCODER = new RequestEncoder(JSON);
    static final String PING = "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r-1\"}\n";

    final RequestDecoder decoder = new RequestDecoder(JSON.getFactory(), 300, 4096);

    DecodeResult decode(byte[] data) {
        return decoder.decode(data, 0, data.length, NOW, KeyRing.of(KEY));
    }

    DecodeResult decode(String datagram) {
        return decode(datagram.getBytes(StandardCharsets.UTF_8));
    }

    /** A datagram built from a conformance query specification (the same builder the vectors use). */
    static byte[] fromSpec(String spec) {
        try {
            return DatagramFactory.build(JSON.readTree(spec), KEY, NOW).data();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(spec, e);
        }
    }

    /** This message, signed correctly with this salt. */
    static byte[] signed(String msg, String salt) {
        return ENCODER.sign(msg, salt, KEY);
    }

    static byte[] signed(String msg) {
        return signed(msg, Long.toString(NOW));
    }

    /** An envelope with these exact member values (no signing). */
    static String envelope(String msg, String salt, String hmac) {
        ObjectNode env =
                JSON.createObjectNode().put("msg", msg).put("salt", salt).put("hmac", hmac);
        return "plj0" + env;
    }

    static String hmacHex(HmacKey key, String salt, String msg) {
        return HexFormat.of()
                .formatHex(key.sign(salt.getBytes(StandardCharsets.UTF_8), msg.getBytes(StandardCharsets.UTF_8)));
    }

    static RejectReason reason(DecodeResult result) {
        if (result instanceof DecodeResult.Rejected rejected) {
            assertThat(rejected.detail()).isNotBlank();
            return rejected.reason();
        }
        return null;
    }

    static ConfdRequest accepted(DecodeResult result) {
        if (result instanceof DecodeResult.Accepted a) {
            return a.request();
        }
        return fail("expected an accepted request, got %s", result);
    }

    @Nested
    class Size {

        @Test
        void acceptsDatagramOfExactly4096Bytes() {
            byte[] data = fromSpec("{\"type\": 0, \"pad_to\": 4096}");

            assertThat(data).hasSize(4096);
            assertThat(accepted(decode(data)).type()).isEqualTo(RequestType.PING);
        }

        @Test
        void rejectsDatagramOf4097BytesAsOversize() {
            byte[] data = fromSpec("{\"type\": 0, \"pad_to\": 4097}");

            assertThat(data).hasSize(4097);
            assertThat(reason(decode(data))).isEqualTo(RejectReason.OVERSIZE);
        }

        @Test
        void checksSizeBeforeAnythingElse() {
            assertThat(reason(decode(new byte[65_000]))).isEqualTo(RejectReason.OVERSIZE);
        }

        @Test
        void decodesOnlyTheGivenSliceOfALargerBuffer() {
            byte[] datagram = signed(PING);
            byte[] buffer = new byte[datagram.length + 20];
            Arrays.fill(buffer, (byte) 'x');
            System.arraycopy(datagram, 0, buffer, 7, datagram.length);

            DecodeResult result = decoder.decode(buffer, 7, datagram.length, NOW, KeyRing.of(KEY));

            assertThat(accepted(result))
                    .isEqualTo(new ConfdRequest(RequestType.PING, QueryArgument.None.INSTANCE, "r-1"));
        }

        /** A decoder whose JSON strings may be at most {@code max} characters long. */
        RequestDecoder withMaxStringLength(int max) {
            return new RequestDecoder(
                    com.fasterxml.jackson.core.JsonFactory.builder()
                            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                                    .maxStringLength(max)
                                    .build())
                            .build(),
                    300,
                    4096);
        }

        @Test
        void acceptsEnvelopeStringsOfExactlyTheMaximumLength() {
            byte[] data = signed(PING);
            RequestDecoder limited = withMaxStringLength(PING.length());

            assertThat(accepted(limited.decode(data, 0, data.length, NOW, KeyRing.of(KEY)))
                            .rsalt())
                    .isEqualTo("r-1");
        }

        @Test
        void rejectsAMsgLongerThanTheMaximumStringLengthAsNotJson() {
            byte[] data = signed(PING);
            RequestDecoder limited = withMaxStringLength(PING.length() - 1);

            assertThat(reason(limited.decode(data, 0, data.length, NOW, KeyRing.of(KEY))))
                    .isEqualTo(RejectReason.BAD_JSON);
        }

        @Test
        void rejectsASaltOrHmacLongerThanTheMaximumStringLengthAsNotJson() {
            RequestDecoder limited = withMaxStringLength(50);
            byte[] longSalt = signed(PING, " ".repeat(45) + NOW);
            byte[] longHmac = envelope("{}", "1", "0".repeat(51)).getBytes(StandardCharsets.UTF_8);

            assertThat(reason(limited.decode(longSalt, 0, longSalt.length, NOW, KeyRing.of(KEY))))
                    .isEqualTo(RejectReason.BAD_JSON);
            assertThat(reason(limited.decode(longHmac, 0, longHmac.length, NOW, KeyRing.of(KEY))))
                    .isEqualTo(RejectReason.BAD_JSON);
            assertThat(accepted(decode(longSalt)).rsalt()).isEqualTo("r-1");
            assertThat(reason(decode(longHmac))).isEqualTo(RejectReason.BAD_HMAC);
        }
    }

    @Nested
    class Magic {

        @Test
        void rejectsEmptyDatagram() {
            assertThat(reason(decode(new byte[0]))).isEqualTo(RejectReason.BAD_MAGIC);
        }

        @ParameterizedTest
        @ValueSource(strings = {"p", "pl", "plj"})
        void rejectsDatagramShorterThanMagic(String data) {
            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_MAGIC);
        }

        @ParameterizedTest
        @ValueSource(strings = {"PLJ0", "Plj0", "plj1", "pjl0", " plj0", "", "{"})
        void rejectsSignedRequestUnderAnotherMagic(String magic) {
            byte[] data = fromSpec("{\"type\": 0, \"magic\": \"" + magic + "\"}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_MAGIC);
        }
    }

    @Nested
    class EnvelopeJson {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "plj0not json",
                    "plj0{\"msg\": \"x\"",
                    "plj0{\"msg\" \"x\"}",
                    "plj0{'msg': 'x'}",
                    "plj0\u0000"
                })
        void rejectsEnvelopeThatIsNotJson(String data) {
            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_JSON);
        }

        /** Found by fuzzing: Jackson pads short member names with FF bytes when it looks them up. */
        @ParameterizedTest
        @ValueSource(ints = {0xff, 0xfe, 0xf5, 0xc0, 0xc1})
        void rejectsBytesUtf8NeverUsesEvenWhereJacksonWouldMatchAKnownName(int bad) {
            byte[] good = signed(PING);
            assertThat(decode(good))
                    .as("\"msg\" is now in the parser's name table")
                    .isInstanceOf(DecodeResult.Accepted.class);
            String text = new String(good, StandardCharsets.ISO_8859_1).replace("\"msg\"", "\"" + (char) bad + "msg\"");
            byte[] spoiled = text.getBytes(StandardCharsets.ISO_8859_1);

            assertThat(reason(decode(spoiled))).isEqualTo(RejectReason.BAD_JSON);
        }

        @ParameterizedTest
        @ValueSource(strings = {"plj0", "plj0 ", "plj0\n\n"})
        void rejectsMagicWithoutAnyEnvelopeAsBadJson(String data) {
            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_JSON);
        }

        @Test
        void rejectsTrailingDataAfterTheEnvelope() {
            String good = new String(signed(PING), StandardCharsets.UTF_8);

            assertThat(reason(decode(good + "x"))).isEqualTo(RejectReason.BAD_JSON);
            assertThat(reason(decode(good + "{}"))).isEqualTo(RejectReason.BAD_JSON);
        }

        @Test
        void acceptsTrailingWhitespaceAfterTheEnvelope() {
            String good = new String(signed(PING), StandardCharsets.UTF_8);

            assertThat(accepted(decode(good + " \n")).type()).isEqualTo(RequestType.PING);
        }

        @Test
        void rejectsInvalidUtf8InTheEnvelope() {
            byte[] good = fromSpec("{\"type\": 1, \"query\": \"node\"}");
            String text = new String(good, StandardCharsets.ISO_8859_1).replace("node", "n\u00e9de");

            assertThat(reason(decode(text.getBytes(StandardCharsets.ISO_8859_1))))
                    .isEqualTo(RejectReason.BAD_JSON);
        }

        @ParameterizedTest
        @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"})
        void rejectsEnvelopeEncodedInAnotherUnicodeEncoding(String charset) {
            byte[] good = signed(PING);
            String envelope = new String(good, 4, good.length - 4, StandardCharsets.UTF_8);

            byte[] data = concat(RequestDecoder.MAGIC, envelope.getBytes(Charset.forName(charset)));

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_JSON);
        }

        @Test
        void rejectsEnvelopeStartingWithUtf8ByteOrderMark() {
            byte[] good = signed(PING);
            byte[] data = concat(
                    RequestDecoder.MAGIC,
                    new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    Arrays.copyOfRange(good, 4, good.length));

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_JSON);
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            return out.toByteArray();
        }
    }

    @Nested
    class EnvelopeMembers {

        @Test
        void rejectsExtraMember() {
            byte[] data = fromSpec("{\"type\": 0, \"outer_extra\": {\"key_selector\": \"a\"}}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_ENVELOPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"msg", "salt", "hmac"})
        void rejectsMissingMember(String member) {
            byte[] data = fromSpec("{\"type\": 0, \"outer_omit\": [\"" + member + "\"]}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_ENVELOPE);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "salt | 1700000000",
                    "hmac | null",
                    "msg  | {\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"}",
                    "msg  | [1]",
                    "salt | true"
                })
        void rejectsMemberThatIsNotAString(String member, String value) {
            byte[] data = fromSpec("{\"type\": 0, \"outer_extra\": {\"" + member + "\": " + value + "}}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_ENVELOPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"plj0{}", "plj0[]", "plj0\"msg\"", "plj05", "plj0null"})
        void rejectsJsonThatIsNotTheThreeMemberObject(String data) {
            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_ENVELOPE);
        }
    }

    @Nested
    class Hmac {

        @Test
        void rejectsRequestSignedWithAnotherKey() {
            byte[] data = ENCODER.sign(PING, Long.toString(NOW), OTHER_KEY);

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_HMAC);
        }

        @Test
        void rejectsKeyWithoutItsTrailingNewline() {
            HmacKey withNewline = HmacKey.of("secret\n");
            byte[] data = ENCODER.sign(PING, Long.toString(NOW), HmacKey.of("secret"));

            assertThat(reason(decoder.decode(data, 0, data.length, NOW, KeyRing.of(withNewline))))
                    .isEqualTo(RejectReason.BAD_HMAC);
        }

        @Test
        void rejectsDigestOfAllZeros() {
            assertThat(reason(decode(fromSpec("{\"type\": 0, \"bad_hmac\": true}"))))
                    .isEqualTo(RejectReason.BAD_HMAC);
        }

        @Test
        void rejectsDigestOverMessageThenSalt() {
            String salt = Long.toString(NOW);

            assertThat(reason(decode(envelope(PING, salt, hmacHex(KEY, PING, salt)))))
                    .isEqualTo(RejectReason.BAD_HMAC);
        }

        @Test
        void rejectsSha256Digest() throws Exception {
            Mac sha256 = Mac.getInstance("HmacSHA256");
            sha256.init(new SecretKeySpec(ConformanceVectors.read("testsuite-2.16", "hmac.key"), "HmacSHA256"));
            String salt = Long.toString(NOW);
            String hex = HexFormat.of().formatHex(sha256.doFinal((salt + PING).getBytes(StandardCharsets.UTF_8)));

            assertThat(reason(decode(envelope(PING, salt, hex)))).isEqualTo(RejectReason.BAD_HMAC);
        }

        @Test
        void rejectsNonHexDigestOfTheRightLength() {
            String salt = Long.toString(NOW);
            String good = hmacHex(KEY, salt, PING);

            assertThat(reason(decode(envelope(PING, salt, "g" + good.substring(1)))))
                    .isEqualTo(RejectReason.BAD_HMAC);
            assertThat(reason(decode(envelope(PING, salt, " " + good.substring(1)))))
                    .isEqualTo(RejectReason.BAD_HMAC);
            assertThat(reason(decode(envelope(PING, salt, "\uff10" + good.substring(1)))))
                    .isEqualTo(RejectReason.BAD_HMAC);
        }

        @Test
        void rejectsDigestOfTheWrongLength() {
            String salt = Long.toString(NOW);
            String good = hmacHex(KEY, salt, PING);

            assertThat(reason(decode(envelope(PING, salt, good.substring(1))))).isEqualTo(RejectReason.BAD_HMAC);
            assertThat(reason(decode(envelope(PING, salt, good + "0")))).isEqualTo(RejectReason.BAD_HMAC);
            assertThat(reason(decode(envelope(PING, salt, good + " ")))).isEqualTo(RejectReason.BAD_HMAC);
            assertThat(reason(decode(envelope(PING, salt, "")))).isEqualTo(RejectReason.BAD_HMAC);
        }

        @Test
        void acceptsUpperCaseHexDigest() {
            byte[] data = fromSpec("{\"type\": 0, \"hmac_upper\": true}");

            assertThat(new String(data, StandardCharsets.UTF_8)).matches(".*\"hmac\": \"[0-9A-F]{40}\".*");
            assertThat(accepted(decode(data)).type()).isEqualTo(RequestType.PING);
        }

        @Test
        void acceptsMixedCaseHexDigest() {
            String salt = Long.toString(NOW);
            char[] hex = hmacHex(KEY, salt, PING).toCharArray();
            for (int i = 0; i < hex.length; i += 2) {
                hex[i] = Character.toUpperCase(hex[i]);
            }

            assertThat(accepted(decode(envelope(PING, salt, new String(hex)))).rsalt())
                    .isEqualTo("r-1");
        }

        @Test
        void rejectsTamperedMessageUnderTheOriginalDigest() {
            String salt = Long.toString(NOW);
            String original = "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"query\": \"node1\"}\n";
            String tampered = original.replace("node1", "node2");

            assertThat(accepted(decode(envelope(original, salt, hmacHex(KEY, salt, original))))
                            .query())
                    .isEqualTo(new QueryArgument.Plain("node1"));
            assertThat(reason(decode(envelope(tampered, salt, hmacHex(KEY, salt, original)))))
                    .isEqualTo(RejectReason.BAD_HMAC);
        }

        @Test
        void rejectsSaltChangedUnderTheOriginalDigest() {
            String digest = hmacHex(KEY, Long.toString(NOW), PING);

            assertThat(reason(decode(envelope(PING, Long.toString(NOW + 1), digest))))
                    .isEqualTo(RejectReason.BAD_HMAC);
        }

        @Test
        void answersTheSameDatagramAgainBecauseThereIsNoReplayProtection() {
            byte[] data = signed(PING);

            ConfdRequest first = accepted(decode(data));
            ConfdRequest again = accepted(decoder.decode(data, 0, data.length, NOW + 300, KeyRing.of(KEY)));

            assertThat(again).isEqualTo(first);
        }
    }

    @Nested
    class Salt {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "+{now}",
                    "-{now}",
                    "{now}.5",
                    "{now}.0",
                    "{now} ",
                    "{now}\n",
                    "",
                    " ",
                    "abc",
                    "{now}a",
                    "1.7e9",
                    "0x6553f100",
                    "{now}\u0000"
                })
        void rejectsSaltThatIsNotAnUnsignedDecimalInteger(String salt) {
            byte[] data = fromSpec("{\"type\": 0, \"salt\": " + JSON.valueToTree(salt) + "}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_SALT);
        }

        @ParameterizedTest
        @ValueSource(strings = {" {now}", "   {now}", "0{now}", "000{now}", "  00{now}"})
        void acceptsLeadingSpacesAndZeros(String salt) {
            byte[] data = fromSpec("{\"type\": 0, \"salt\": \"" + salt + "\"}");

            assertThat(accepted(decode(data)).type()).isEqualTo(RequestType.PING);
        }

        @Test
        void accepts40DigitSaltPaddedWithZeros() {
            String salt = "0".repeat(30) + NOW;

            assertThat(salt).hasSize(40);
            assertThat(accepted(decode(signed(PING, salt))).rsalt()).isEqualTo("r-1");
        }

        @Test
        void rejects40DigitSaltAsFarOutsideTheSkewWindow() {
            String salt = "1" + "0".repeat(39);

            assertThat(reason(decode(signed(PING, salt)))).isEqualTo(RejectReason.CLOCK_SKEW);
            assertThat(reason(decode(signed(PING, "9223372036854775807")))).isEqualTo(RejectReason.CLOCK_SKEW);
            assertThat(reason(decode(signed(PING, "9223372036854775808")))).isEqualTo(RejectReason.CLOCK_SKEW);
        }

        @Test
        void acceptsSaltZeroWhenTheClockSaysZero() {
            byte[] data = signed(PING, "0");

            assertThat(reason(decoder.decode(data, 0, data.length, 0, KeyRing.of(KEY))))
                    .isNull();
            assertThat(reason(decoder.decode(data, 0, data.length, 301, KeyRing.of(KEY))))
                    .isEqualTo(RejectReason.CLOCK_SKEW);
        }
    }

    @Nested
    class Skew {

        @ParameterizedTest
        @ValueSource(longs = {-300, -299, -1, 0, 1, 299, 300})
        void acceptsTimestampInsideSkewWindow(long offset) {
            byte[] data = fromSpec("{\"type\": 0, \"ts_offset\": " + offset + "}");

            assertThat(accepted(decode(data)).type()).isEqualTo(RequestType.PING);
        }

        @ParameterizedTest
        @ValueSource(longs = {-301, 301, -86_400, 86_400})
        void rejectsTimestampJustOutsideSkewWindow(long offset) {
            byte[] data = fromSpec("{\"type\": 0, \"ts_offset\": " + offset + "}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.CLOCK_SKEW);
        }

        @Test
        void rejectsLongStaleTimestamp() {
            assertThat(reason(decode(fromSpec("{\"type\": 0, \"ts\": 1000}")))).isEqualTo(RejectReason.CLOCK_SKEW);
        }

        @Test
        void usesTheConfiguredSkew() {
            RequestDecoder strict = new RequestDecoder(JSON.getFactory(), 5, 4096);
            byte[] inside = fromSpec("{\"type\": 0, \"ts_offset\": -5}");
            byte[] outside = fromSpec("{\"type\": 0, \"ts_offset\": 6}");

            assertThat(reason(strict.decode(inside, 0, inside.length, NOW, KeyRing.of(KEY))))
                    .isNull();
            assertThat(reason(strict.decode(outside, 0, outside.length, NOW, KeyRing.of(KEY))))
                    .isEqualTo(RejectReason.CLOCK_SKEW);
        }
    }

    @Nested
    class RequestMembers {

        @ParameterizedTest
        @ValueSource(strings = {"protocol", "type", "rsalt"})
        void rejectsMissingMember(String member) {
            byte[] data = fromSpec("{\"type\": 0, \"omit\": [\"" + member + "\"]}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"{\"extra\": {\"foo\": 1}}", "{\"extra\": {\"key\": \"x\"}}", "{\"extra\": {\"Type\": 0}}"})
        void rejectsExtraMember(String extra) {
            byte[] data = fromSpec("{\"type\": 0, " + extra.substring(1));

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{\"type\": \"1\"}",
                    "{\"type\": null}",
                    "{\"type\": true}",
                    "{\"type\": [1]}",
                    "{\"type\": {}}",
                    "{\"type\": 0, \"protocol\": \"1\"}",
                    "{\"type\": 0, \"protocol\": null}",
                    "{\"type\": 0, \"protocol\": [1]}",
                    "{\"type\": 0, \"rsalt\": 5}",
                    "{\"type\": 0, \"rsalt\": [\"r\"]}",
                    "{\"type\": 0, \"rsalt\": {}}"
                })
        void rejectsMemberOfTheWrongJsonType(String spec) {
            assertThat(reason(decode(fromSpec(spec)))).isEqualTo(RejectReason.BAD_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "2", "-7", "1.5", "1e400", "-1e400"})
        void acceptsAnyNumberAsProtocol(String protocol) {
            byte[] data = signed("{\"protocol\": " + protocol + ", \"type\": 5, \"rsalt\": \"r\"}");

            assertThat(accepted(decode(data)).type()).isEqualTo(RequestType.MC_PIP_LIST);
        }

        @ParameterizedTest
        @CsvSource({
            "1.0, NODE_ROLE_BYNAME",
            "0.9, NODE_ROLE_BYNAME",
            "2.5, NODE_PIP_BY_INSTANCE_IP",
            "1.5, NODE_PIP_BY_INSTANCE_IP",
            "3.5, NODE_PIP_LIST",
            "-0.4, PING",
            "-0.5, PING",
            "0.5, PING",
            "10.5, CONFIG_QUERY",
            "11.4, DATA_COLLECTORS",
            "1e-400, PING",
            "1E1, CONFIG_QUERY",
            "0.11e2, DATA_COLLECTORS",
            "-0, PING"
        })
        void roundsTypeHalfToEven(String type, RequestType expected) {
            byte[] data = signed("{\"protocol\": 1, \"type\": " + type + ", \"rsalt\": \"r\"}");

            assertThat(accepted(decode(data)).type()).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "12",
                    "-1",
                    "100",
                    "11.9",
                    "11.5",
                    "-0.6",
                    "1e400",
                    "-1e400",
                    "3000000000",
                    "99999999999999999999999999"
                })
        void rejectsTypeOutsideTheTwelveAfterRoundingAsUnknownType(String type) {
            byte[] data = signed("{\"protocol\": 1, \"type\": " + type + ", \"rsalt\": \"r\"}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.UNKNOWN_TYPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e2147483648", "1e-2147483649", "-1e2147483648"})
        void rejectsTypeWhoseExponentOverflowsWithoutThrowing(String type) {
            byte[] data = signed("{\"protocol\": 1, \"type\": " + type + ", \"rsalt\": \"r\"}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_REQUEST);
        }

        @Test
        void rejectsTypeWithThousandsOfDigitsWithoutThrowing() {
            byte[] data = signed("{\"protocol\": 1, \"type\": 1" + "0".repeat(1200) + ", \"rsalt\": \"r\"}");

            assertThat(reason(decode(data))).isIn(RejectReason.BAD_REQUEST, RejectReason.UNKNOWN_TYPE);
        }

        @Test
        void acceptsEmptyRsalt() {
            assertThat(accepted(decode(signed("{\"protocol\": 1, \"type\": 0, \"rsalt\": \"\"}")))
                            .rsalt())
                    .isEmpty();
        }

        @Test
        void usesTheFirstOccurrenceOfADuplicatedMember() {
            byte[] data = signed("{\"protocol\": 1, \"type\": 3, \"rsalt\": \"a\", \"type\": \"x\", \"rsalt\": 5,"
                    + " \"query\": null, \"query\": [1]}");

            assertThat(accepted(decode(data)))
                    .isEqualTo(new ConfdRequest(RequestType.CLUSTER_MASTER, QueryArgument.None.INSTANCE, "a"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"}",
                    "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"}\n",
                    "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"}  \r\n\t ",
                    "{\"protocol\":1,\"type\":0,\"rsalt\":\"r\"}",
                    "{ \"rsalt\" : \"r\" , \"type\" : 0 , \"protocol\" : 1 }"
                })
        void acceptsAnyMemberOrderAndTrailingWhitespace(String msg) {
            assertThat(accepted(decode(signed(msg))))
                    .isEqualTo(new ConfdRequest(RequestType.PING, QueryArgument.None.INSTANCE, "r"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    " {\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"}",
                    "\n{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"}",
                    "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"} x",
                    "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"}{}",
                    "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"",
                    "[{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"}]",
                    "",
                    "null",
                    "0",
                    "\"ping\"",
                    "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\",}"
                })
        void rejectsMessageThatIsNotExactlyOneJsonObject(String msg) {
            assertThat(reason(decode(signed(msg)))).isEqualTo(RejectReason.BAD_REQUEST);
        }
    }

    @Nested
    class QueryKinds {

        ConfdRequest withQuery(int type, String queryJson) {
            return accepted(decode(signed(
                    "{\"protocol\": 1, \"type\": " + type + ", \"rsalt\": \"r\", \"query\": " + queryJson + "}")));
        }

        @Test
        void readsAbsentAndNullQueryAsNone() {
            assertThat(accepted(decode(signed(PING))).query()).isSameAs(QueryArgument.None.INSTANCE);
            assertThat(withQuery(3, "null").query()).isSameAs(QueryArgument.None.INSTANCE);
        }

        @Test
        void readsStringQueryAsPlain() {
            assertThat(withQuery(1, "\"node1.example.com\"").query())
                    .isEqualTo(new QueryArgument.Plain("node1.example.com"));
            assertThat(withQuery(10, "\"\"").query()).isEqualTo(new QueryArgument.Plain(""));
            assertThat(withQuery(10, "\"/cluster/a~1b\\u00e9\"").query())
                    .isEqualTo(new QueryArgument.Plain("/cluster/a~1b\u00e9"));
        }

        @Test
        void readsObjectQueryAsDict() {
            assertThat(withQuery(2, "{}").query()).isEqualTo(QueryArgument.Dict.EMPTY);
            assertThat(withQuery(2, "{\"0\": \"br0\", \"1\": \"10.0.0.1\"}").query())
                    .isEqualTo(new QueryArgument.Dict("br0", "10.0.0.1", List.of(), List.of()));
            assertThat(withQuery(2, "{\"2\": [\"10.0.0.2\", \"10.0.0.1\", \"10.0.0.2\"]}")
                            .query())
                    .isEqualTo(
                            new QueryArgument.Dict(null, null, List.of("10.0.0.2", "10.0.0.1", "10.0.0.2"), List.of()));
            assertThat(withQuery(3, "{\"3\": [2, 0, 1, 0]}").query())
                    .isEqualTo(new QueryArgument.Dict(
                            null,
                            null,
                            List.of(),
                            List.of(
                                    MasterField.NODE_PRIMARY_IP,
                                    MasterField.NAME,
                                    MasterField.MASTER_IP,
                                    MasterField.NAME)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"5", "1.5", "[]", "[\"node1\"]", "true", "false"})
        void rejectsOtherQueryKindsEvenForPing(String query) {
            for (int type : new int[] {0, 1, 3, 11}) {
                byte[] data =
                        signed("{\"protocol\": 1, \"type\": " + type + ", \"rsalt\": \"r\", \"query\": " + query + "}");

                assertThat(reason(decode(data)))
                        .as("type %d query %s", type, query)
                        .isEqualTo(RejectReason.BAD_REQUEST);
            }
        }

        @Test
        void treatsNullDictMembersAsAbsent() {
            assertThat(withQuery(2, "{\"0\": null, \"1\": null, \"2\": null, \"3\": null}")
                            .query())
                    .isEqualTo(QueryArgument.Dict.EMPTY);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{\"4\": \"x\"}",
                    "{\"link\": \"br0\"}",
                    "{\"00\": \"br0\"}",
                    "{\"2\": \"10.0.0.1\"}",
                    "{\"1\": 5}",
                    "{\"0\": [\"br0\"]}",
                    "{\"0\": {}}",
                    "{\"2\": [1]}",
                    "{\"2\": [null]}",
                    "{\"2\": {}}",
                    "{\"3\": \"0\"}",
                    "{\"3\": 0}",
                    "{\"3\": [3]}",
                    "{\"3\": [-1]}",
                    "{\"3\": [2.6]}",
                    "{\"3\": [null]}",
                    "{\"3\": [[0]]}",
                    "{\"3\": [true]}",
                    "{\"3\": [1e400]}"
                })
        void rejectsInvalidDict(String dict) {
            byte[] data = signed("{\"protocol\": 1, \"type\": 3, \"rsalt\": \"r\", \"query\": " + dict + "}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_REQUEST);
        }

        @Test
        void roundsNumericFieldCodes() {
            assertThat(withQuery(3, "{\"3\": [0.9, 2.5, -0.4, 1.0]}").query())
                    .isEqualTo(new QueryArgument.Dict(
                            null,
                            null,
                            List.of(),
                            List.of(
                                    MasterField.MASTER_IP,
                                    MasterField.NODE_PRIMARY_IP,
                                    MasterField.NAME,
                                    MasterField.MASTER_IP)));
        }

        @Test
        void acceptsStringFieldCodesAsGanetisClientSendsThem() {
            assertThat(withQuery(3, "{\"3\": [\"0\", \"1\", \"2\", 1]}").query())
                    .isEqualTo(new QueryArgument.Dict(
                            null,
                            null,
                            List.of(),
                            List.of(
                                    MasterField.NAME,
                                    MasterField.MASTER_IP,
                                    MasterField.NODE_PRIMARY_IP,
                                    MasterField.MASTER_IP)));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "\"3\"",
                    "\" 1\"",
                    "\"1 \"",
                    "\"\"",
                    "\"01\"",
                    "\"-1\"",
                    "\"/\"",
                    "\"a\"",
                    "\"1.0\"",
                    "\"\\u0661\""
                })
        void rejectsOtherStringFieldCodes(String code) {
            byte[] data =
                    signed("{\"protocol\": 1, \"type\": 3, \"rsalt\": \"r\", \"query\": {\"3\": [" + code + "]}}");

            assertThat(reason(decode(data))).isEqualTo(RejectReason.BAD_REQUEST);
        }

        @Test
        void acceptsRawUtf8InTheMessage() {
            byte[] raw =
                    fromSpec("{\"type\": 1, \"query\": \"n\u00f6de-\u4e2d-\ud83d\ude00.example\", \"ascii\": false}");
            byte[] escaped = fromSpec("{\"type\": 1, \"query\": \"n\u00f6de-\u4e2d-\ud83d\ude00.example\"}");

            assertThat(new String(raw, StandardCharsets.UTF_8)).contains("n\u00f6de-\u4e2d-\ud83d\ude00");
            assertThat(new String(escaped, StandardCharsets.US_ASCII))
                    .contains("n\\\\u00f6de-\\\\u4e2d-\\\\ud83d\\\\ude00");
            assertThat(accepted(decode(raw)).query())
                    .isEqualTo(new QueryArgument.Plain("n\u00f6de-\u4e2d-\ud83d\ude00.example"));
            assertThat(accepted(decode(escaped)).query())
                    .isEqualTo(new QueryArgument.Plain("n\u00f6de-\u4e2d-\ud83d\ude00.example"));
        }
    }

    @Nested
    class KeyRotation {

        final HmacKey oldKey = KEY;
        final HmacKey newKey = OTHER_KEY;
        final KeyRing ring = KeyRing.of(oldKey).rotateTo(newKey, NOW + 60);

        DecodeResult decodeAt(HmacKey signer, long now) {
            byte[] data =
                    ENCODER.encode(new ConfdRequest(RequestType.PING, QueryArgument.None.INSTANCE, "r"), now, signer);
            return decoder.decode(data, 0, data.length, now, ring);
        }

        @Test
        void acceptsPreviousKeyUntilTheEndOfTheGracePeriod() {
            assertThat(reason(decodeAt(oldKey, NOW))).isNull();
            assertThat(reason(decodeAt(oldKey, NOW + 60))).isNull();
        }

        @Test
        void rejectsPreviousKeyAfterTheGracePeriod() {
            assertThat(reason(decodeAt(oldKey, NOW + 61))).isEqualTo(RejectReason.BAD_HMAC);
        }

        @Test
        void acceptsCurrentKeyDuringAndAfterTheGracePeriod() {
            assertThat(reason(decodeAt(newKey, NOW))).isNull();
            assertThat(reason(decodeAt(newKey, NOW + 1_000_000))).isNull();
        }

        @Test
        void reportsTheKeyThatVerifiedSoTheReplyIsSignedWithIt() {
            DecodeResult.Accepted byOld = (DecodeResult.Accepted) decodeAt(oldKey, NOW);
            DecodeResult.Accepted byNew = (DecodeResult.Accepted) decodeAt(newKey, NOW);

            assertThat(byOld.key()).isSameAs(oldKey);
            assertThat(byNew.key()).isSameAs(newKey);
            byte[] reply = ReplyEncoder.encode(ReplyBody.ok("0", 1), "r", byOld.key());
            ReplyDecoder client = new ReplyDecoder(JSON);
            assertThat(client.decode(reply, reply.length, oldKey)).isPresent();
            assertThat(client.decode(reply, reply.length, newKey)).isEmpty();
        }

        @Test
        void keepsRingUnchangedWhenRotatingToTheSameBytes() {
            KeyRing single = KeyRing.of(oldKey);

            assertThat(single.rotateTo(HmacKey.of(ConformanceVectors.read("testsuite-2.16", "hmac.key")), NOW + 60))
                    .isSameAs(single);
            assertThat(single.previousActive(NOW)).isFalse();
            assertThat(ring.previous()).isSameAs(oldKey);
            assertThat(ring.current()).isSameAs(newKey);
        }

        @Test
        void rejectsUnknownKeyDuringTheGracePeriod() {
            assertThat(reason(decodeAt(HmacKey.of("third"), NOW))).isEqualTo(RejectReason.BAD_HMAC);
        }
    }

    @Test
    void rejectsDegenerateEnvelopesWithTheirReason() {
        assertThat(reason(decode("plj0{\"msg\": \"\", \"salt\": \"\", \"hmac\": \"\"}")))
                .isEqualTo(RejectReason.BAD_HMAC);
        assertThat(reason(decode("plj0{\"msg\": \"" + "[".repeat(3000) + "\"}")))
                .isEqualTo(RejectReason.BAD_ENVELOPE);
        // not closed, so not JSON at all (an array that is valid JSON is a wrong envelope, below)
        assertThat(reason(decode("plj0" + "[".repeat(3000)))).isEqualTo(RejectReason.BAD_JSON);
        assertThat(reason(decode("plj0" + "[".repeat(30) + "]".repeat(30)))).isEqualTo(RejectReason.BAD_ENVELOPE);
        assertThat(reason(decode("plj0{\"other\": 1} x"))).isEqualTo(RejectReason.BAD_JSON);
        assertThat(reason(decode("plj0{\"other\": 1}"))).isEqualTo(RejectReason.BAD_ENVELOPE);
        assertThat(reason(decode("plj0{\"msg\": null{}"))).isEqualTo(RejectReason.BAD_JSON);
        assertThat(reason(decode("plj0{\"msg\": null}"))).isEqualTo(RejectReason.BAD_ENVELOPE);
        assertThat(reason(decode("plj0{\"msg\": \"\\ud800\", \"salt\": \"1\", \"hmac\": \"x\"}")))
                .isEqualTo(RejectReason.BAD_HMAC);
        assertThat(reason(decode(signed("{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\", \"query\": null, \"query\": "
                        + "[".repeat(1500) + "]".repeat(1500) + "}"))))
                .isEqualTo(RejectReason.BAD_REQUEST);
    }

    @Test
    void keepsLoneSurrogatesOfTheMessageThatItsUtf8CannotCarry() {
        // the message's UTF-8 (what is signed) has '?' for them; the request keeps the chars themselves
        ConfdRequest request = accepted(
                decode(signed("{\"protocol\": 1, \"type\": 1, \"rsalt\": \"a\ud800b\", \"query\": \"n\udc00\"}")));

        assertThat(request.rsalt()).isEqualTo("a\ud800b");
        assertThat(request.query()).isEqualTo(new QueryArgument.Plain("n\udc00"));
    }
}
