package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.conformance.ConformanceVectors;

/** The signed reply datagram: exact layout, HMAC over salt + msg, escaping, valid UTF-8 throughout. */
class ReplyEncoderTest {

    static final byte[] KEY_BYTES = ConformanceVectors.read("testsuite-2.16", "hmac.key");
    static final HmacKey KEY = HmacKey.of(KEY_BYTES);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ReplyDecoder CLIENT = new ReplyDecoder(JSON);

    /** HMAC-SHA1 computed with the JDK directly, independent of {@link HmacKey}. */
    static String independentHmac(String salt, String msg) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(KEY_BYTES, "HmacSHA1"));
        return HexFormat.of().formatHex(mac.doFinal((salt + msg).getBytes(StandardCharsets.UTF_8)));
    }

    /** Decodes strictly as UTF-8, failing on any malformed byte. */
    static String strictUtf8(byte[] data) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(data))
                .toString();
    }

    static ConfdReply decoded(byte[] datagram) {
        return CLIENT.decode(datagram, datagram.length, KEY)
                .orElseThrow(() ->
                        new AssertionError("reply does not verify: " + new String(datagram, StandardCharsets.UTF_8)));
    }

    @Test
    void writesExactlyMagicThenHmacMsgSaltInThatOrder() throws Exception {
        String msg = "{\"protocol\":1,\"status\":0,\"answer\":\"node1.example.com\",\"serial\":3189}";

        byte[] datagram = ReplyEncoder.encode(ReplyBody.ok("\"node1.example.com\"", 3189), "4f8a-rsalt", KEY);

        assertThat(new String(datagram, StandardCharsets.UTF_8))
                .isEqualTo("plj0{\"hmac\":\"" + independentHmac("4f8a-rsalt", msg) + "\",\"msg\":\""
                        + msg.replace("\"", "\\\"") + "\",\"salt\":\"4f8a-rsalt\"}");
    }

    @Test
    void signsSaltFollowedByMessageInLowerCaseHex() throws Exception {
        byte[] datagram = ReplyEncoder.encode(ReplyBody.ok("[\"192.0.2.1\",\"192.0.2.2\"]", 12), "r", KEY);

        JsonNode envelope = JSON.readTree(new String(datagram, 4, datagram.length - 4, StandardCharsets.UTF_8));
        assertThat(envelope.get("hmac").asText())
                .matches("[0-9a-f]{40}")
                .isEqualTo(independentHmac(
                        envelope.get("salt").asText(), envelope.get("msg").asText()));
        assertThat(envelope.get("msg").asText())
                .isEqualTo("{\"protocol\":1,\"status\":0,\"answer\":[\"192.0.2.1\",\"192.0.2.2\"],\"serial\":12}");
    }

    @Test
    void writesErrorCodeRepliesWithSerialZero() {
        assertThat(ReplyBody.error(ErrorCode.ARGUMENT).text())
                .isEqualTo("{\"protocol\":1,\"status\":1,\"answer\":2,\"serial\":0}");
        assertThat(ReplyBody.error(ErrorCode.UNKNOWN_ENTRY).text())
                .isEqualTo("{\"protocol\":1,\"status\":1,\"answer\":0,\"serial\":0}");
        assertThat(ReplyBody.error("Node name x not found").text())
                .isEqualTo("{\"protocol\":1,\"status\":1,\"answer\":\"Node name x not found\",\"serial\":0}");
        assertThat(ReplyBody.error(ErrorCode.INTERNAL).status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(ReplyBody.ok("1", 9).serial()).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a\"b",
                "a\\b",
                "\\\"",
                "tab\there",
                "nl\ncr\r",
                "\u0000\u0001\u001f",
                "\u007f",
                "caf\u00e9",
                "\u4e2d\u6587",
                "\ud83d\ude00",
                "</script>",
                "{\"rsalt\":1}",
                "\u2028\u2029"
            })
    void escapesAnyRsaltSoTheClientGetsItBackVerified(String rsalt) throws Exception {
        byte[] datagram = ReplyEncoder.encode(ReplyBody.ok("0", 1), rsalt, KEY);

        strictUtf8(datagram);
        ConfdReply reply = decoded(datagram);
        assertThat(reply.salt()).isEqualTo(rsalt);
        assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
        assertThat(JSON.readTree(new String(datagram, 4, datagram.length - 4, StandardCharsets.UTF_8))
                        .get("salt")
                        .asText())
                .isEqualTo(rsalt);
    }

    @Test
    void writesQuotesBackslashesAndControlCharactersOfTheRsaltAsJsonEscapes() {
        byte[] datagram = ReplyEncoder.encode(ReplyBody.ok("0", 1), "q\"b\\c\u0001n\n", KEY);

        assertThat(new String(datagram, StandardCharsets.UTF_8)).endsWith(",\"salt\":\"q\\\"b\\\\c\\u0001n\\n\"}");
    }

    @Test
    void writesNonAsciiRsaltAsRawUtf8() {
        byte[] datagram = ReplyEncoder.encode(ReplyBody.ok("0", 1), "\u00e9", KEY);

        assertThat(datagram).endsWith(new byte[] {'"', (byte) 0xC3, (byte) 0xA9, '"', '}'});
    }

    @Test
    void writesNonAsciiAnswersAsValidUtf8CoveredByTheHmac() throws Exception {
        String answer = "Node name caf\u00e9-\u4e2d-\ud83d\ude00 not found";

        byte[] datagram = ReplyEncoder.encode(ReplyBody.error(answer), "r", KEY);

        String text = strictUtf8(datagram);
        assertThat(text).contains("caf\u00e9-\u4e2d-\ud83d\ude00");
        ConfdReply reply = decoded(datagram);
        assertThat(reply.answer().asText()).isEqualTo(answer);
        assertThat(reply.status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(reply.serial()).isZero();
    }

    @Test
    void escapesControlCharactersInsideTheAnswer() {
        String answer = "a\u0001b\"c\\d\ne";

        byte[] datagram = ReplyEncoder.encode(ReplyBody.ok(ReplyBody.quote(answer), 4), "r", KEY);

        assertThat(decoded(datagram).answer().asText()).isEqualTo(answer);
        assertThat(ReplyBody.quote(answer)).isEqualTo("\"a\\u0001b\\\"c\\\\d\\ne\"");
    }

    @Test
    void answersEvenWhenTheQueryEchoedInTheMessageHasAnUnpairedSurrogate() throws Exception {
        // A signed request may carry an unpaired surrogate as a JSON escape; error messages echo the query.
        ReplyBody[] body = new ReplyBody[1];

        assertThatCode(() -> body[0] = ReplyBody.error("Node name x\ud800y not found"))
                .doesNotThrowAnyException();

        byte[] datagram = ReplyEncoder.encode(body[0], "r", KEY);
        strictUtf8(datagram);
        assertThat(decoded(datagram).answer().asText()).isEqualTo("Node name x?y not found");
        assertThat(body[0].size()).isEqualTo(body[0].text().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void signsEvenAnRsaltWithAnUnpairedSurrogateThatNeedsEscaping() throws Exception {
        String rsalt = "\"\udc00";

        byte[] datagram = ReplyEncoder.encode(ReplyBody.ok("0", 1), rsalt, KEY);

        strictUtf8(datagram);
        assertThat(decoded(datagram).salt()).isEqualTo("\"?");
    }
}
