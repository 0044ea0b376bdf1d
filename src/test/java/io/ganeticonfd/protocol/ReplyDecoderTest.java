package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The client's reply reader against replies as servers write them, and the reasons it refuses others. */
class ReplyDecoderTest {

    private static final HmacKey KEY = HmacKey.of("bench key");
    private static final String RSALT = "0000abcd-0001-4000-8000-00000000002a";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReplyDecoder DECODER = new ReplyDecoder(JSON);

    @Test
    void readsAndVerifiesOurCompactReplies() {
        byte[] d = ReplyEncoder.encode(ReplyBody.ok("[\"n\\u00e9ud \\\"1\\\"\",2]", 7), RSALT, KEY);

        ConfdReply reply = verified(DECODER.read(d, 0, d.length, KEY));

        assertThat(reply.salt()).isEqualTo(RSALT);
        assertThat(reply.ok()).isTrue();
        assertThat(reply.serial()).isEqualTo(7);
        assertThat(reply.answer().get(0).asText()).isEqualTo("n\u00e9ud \"1\"");
        assertThat(new RsaltSequence(0xabcd, 1).sequenceOf(reply.salt())).isEqualTo(42);
        assertThat(new RsaltSequence(0xabcd, 2).sequenceOf(reply.salt())).isZero();
    }

    @Test
    void readsSpacedEnvelopesInAnyOrderWithEscapedUnicode() throws Exception {
        String msg =
                "{\"serial\": 3, \"answer\": {\"status\": 9, \"x\": [\"caf\u00e9 \\ud83d\\ude00\"]}, \"status\": 2,"
                        + " \"protocol\": 1}";
        byte[] digest = KEY.sign(RSALT.getBytes(StandardCharsets.UTF_8), msg.getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().withUpperCase().formatHex(digest);
        String env = "plj0{ \"salt\" : " + JSON.writeValueAsString(RSALT) + ", \"extra\": [1, {\"a\": \"}\"}],"
                + " \"msg\": \""
                + msg.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u00e9", "\\u00e9")
                + "\", \"hmac\": \"" + hex + "\" }";
        byte[] d = env.getBytes(StandardCharsets.UTF_8);

        assertThat(verified(DECODER.read(d, 0, d.length, KEY)).status().code()).isEqualTo(2);
    }

    @Test
    void readsADatagramAtAnOffset() {
        byte[] d = ReplyEncoder.encode(ReplyBody.ok("1", 1), RSALT, KEY);
        byte[] padded = new byte[d.length + 5];
        System.arraycopy(d, 0, padded, 5, d.length);

        assertThat(verified(DECODER.read(padded, 5, d.length, KEY)).serial()).isEqualTo(1);
    }

    @Test
    void refusesWrongKeysAndBrokenEnvelopesSayingWhy() {
        byte[] d = ReplyEncoder.encode(ReplyBody.ok("1", 1), RSALT, HmacKey.of("other"));

        assertThat(DECODER.read(d, 0, d.length, KEY))
                .isEqualTo(new ReplyDecodeResult.Refused(ReplyRejection.HMAC_MISMATCH, RSALT));
        assertThat(DECODER.read(d, 0, 3, KEY)).isEqualTo(new ReplyDecodeResult.Refused(ReplyRejection.BAD_MAGIC, null));
        assertThat(DECODER.read(d, 0, d.length - 10, KEY)).isInstanceOf(ReplyDecodeResult.Refused.class);
        byte[] noHmac = "plj0{\"msg\": \"{}\", \"salt\": \"x\"}".getBytes(StandardCharsets.US_ASCII);
        assertThat(DECODER.read(noHmac, 0, noHmac.length, KEY))
                .isEqualTo(new ReplyDecodeResult.Refused(ReplyRejection.BAD_ENVELOPE, "x"));
        assertThat(DECODER.decode(noHmac, noHmac.length, KEY)).isEmpty();
    }

    @Test
    void refusesASignedMessageThatIsNoReply() {
        byte[] d = new RequestEncoder(JSON).sign("{\"status\": 0}", RSALT, KEY);

        assertThat(DECODER.read(d, 0, d.length, KEY))
                .isEqualTo(new ReplyDecodeResult.Refused(ReplyRejection.BAD_MESSAGE, RSALT));
    }

    @Test
    void readsANullAnswerAndAStringStatusAsTheTreeReaderDid() {
        byte[] d = new RequestEncoder(JSON)
                .sign("{\"status\": \"1\", \"answer\": null, \"serial\": 4, \"x\": [{}]}", RSALT, KEY);

        ConfdReply reply = verified(DECODER.read(d, 0, d.length, KEY));

        assertThat(reply.status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(reply.answer().isNull()).isTrue();
        assertThat(reply.serial()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1",
                "-7",
                "3000000",
                "4294967296",
                "123456789012345678901234567890",
                "1.5",
                "1e3",
                "true",
                "false",
                "null",
                "\"n\\u00e9ud\"",
                "[1, \"a\", null]",
                "{\"a\": {\"b\": [2.5]}}"
            })
    void buildsTheAnswerAsTheTreeReaderDoes(String answer) throws Exception {
        byte[] d = ReplyEncoder.encode(ReplyBody.ok(answer, 1), RSALT, KEY);

        JsonNode read = verified(DECODER.read(d, 0, d.length, KEY)).answer();

        assertThat(read).isEqualTo(JSON.readTree(answer));
        assertThat(read.getClass()).isEqualTo(JSON.readTree(answer).getClass());
    }

    private static ConfdReply verified(ReplyDecodeResult result) {
        assertThat(result).isInstanceOf(ReplyDecodeResult.Verified.class);
        return ((ReplyDecodeResult.Verified) result).reply();
    }
}
