package io.ganeticonfd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.ReplyEncoder;

/** The allocation-free reply reader of {@code bench} against replies as servers write them. */
class ReplyScannerTest {

    private static final HmacKey KEY = HmacKey.of("bench key");
    private static final String RSALT = "0000abcd-0001-4000-8000-00000000002a";

    @Test
    void readsAndVerifiesOurCompactReplies() {
        byte[] d = ReplyEncoder.encode(ReplyBody.ok("[\"n\\u00e9ud \\\"1\\\"\",2]", 7), RSALT, KEY);
        ReplyScanner s = new ReplyScanner();

        assertThat(s.scan(d, d.length)).isNull();
        assertThat(new String(s.salt(), 0, s.saltLength(), StandardCharsets.US_ASCII)).isEqualTo(RSALT);
        assertThat(s.verifies(KEY.mac())).isTrue();
        assertThat(s.status()).isZero();
        assertThat(new Rsalt(0xabcd, 1).parse(s.salt(), 0, s.saltLength())).isEqualTo(42);
        assertThat(new Rsalt(0xabcd, 2).parse(s.salt(), 0, s.saltLength())).isZero();
    }

    @Test
    void readsSpacedEnvelopesInAnyOrderWithEscapedUnicode() throws Exception {
        String msg = "{\"serial\": 3, \"answer\": {\"status\": 9, \"x\": [\"caf\u00e9 \\ud83d\\ude00\"]}, \"status\": 2,"
                + " \"protocol\": 1}";
        ObjectMapper mapper = new ObjectMapper();
        byte[] digest = KEY.sign(RSALT.getBytes(StandardCharsets.UTF_8), msg.getBytes(StandardCharsets.UTF_8));
        String hex = java.util.HexFormat.of().withUpperCase().formatHex(digest);
        String env = "plj0{ \"salt\" : " + mapper.writeValueAsString(RSALT) + ", \"extra\": [1, {\"a\": \"}\"}],"
                + " \"msg\": \"" + msg.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u00e9", "\\u00e9")
                + "\", \"hmac\": \"" + hex + "\" }";
        byte[] d = env.getBytes(StandardCharsets.UTF_8);
        ReplyScanner s = new ReplyScanner();

        assertThat(s.scan(d, d.length)).isNull();
        assertThat(s.verifies(KEY.mac())).isTrue();
        assertThat(s.status()).isEqualTo(2);
    }

    @Test
    void rejectsWrongKeysAndBrokenEnvelopes() {
        byte[] d = ReplyEncoder.encode(ReplyBody.ok("1", 1), RSALT, HmacKey.of("other"));
        ReplyScanner s = new ReplyScanner();

        assertThat(s.scan(d, d.length)).isNull();
        assertThat(s.verifies(KEY.mac())).isFalse();
        assertThat(s.scan(d, 3)).isEqualTo("bad magic");
        assertThat(s.scan(d, d.length - 10)).isNotNull();
        byte[] noHmac = "plj0{\"msg\": \"{}\", \"salt\": \"x\"}".getBytes(StandardCharsets.US_ASCII);
        assertThat(s.scan(noHmac, noHmac.length)).isEqualTo("envelope lacks msg/salt/hmac");
    }
}
