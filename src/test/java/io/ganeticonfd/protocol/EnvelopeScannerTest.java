package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link EnvelopeScanner}: the envelopes real clients send are read, and read as Jackson reads them;
 * everything outside its form is left to Jackson. {@code RequestScannersPropertiesTest} and
 * {@code DocumentParsersPropertiesTest} hold the whole decoder equal to Jackson's over generated inputs.
 */
class EnvelopeScannerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HMAC = "b082f485cd679623550b57c647cedb36a54aa864";

    /** What Python's client (Ganeti's own) sends: json.dumps with ensure_ascii and a newline after the message. */
    private static final String PYTHON = "{\"msg\": \"{\\\"protocol\\\": 1, \\\"type\\\": 1, \\\"rsalt\\\": "
            + "\\\"1a2fb487-60b9-44de-b6b7-badbcbedb7bc\\\", \\\"query\\\": \\\"node2.example.com\\\"}\\n\", "
            + "\"salt\": \"1796534956\", \"hmac\": \"" + HMAC + "\"}";

    @ParameterizedTest
    @ValueSource(
            strings = {
                PYTHON,
                "{\"msg\":\"{\\\"type\\\":0}\",\"salt\":\"1\",\"hmac\":\"" + HMAC + "\"}",
                " \r\n\t{ \"hmac\" : \"" + HMAC + "\" ,\n\"salt\"\t:\"1796534956\" , \"msg\":\"{}\" }\n ",
                "{\"msg\": \"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\", \"salt\": \"\", \"hmac\": \"" + HMAC + "\"}",
                "{\"msg\": \"\\u0041\\u007f\\u007F\\u0000\\u001f\", \"salt\": \"s\", \"hmac\": \"" + HMAC + "\"}",
                "{\"msg\": \"\", \"salt\": \" !#~\", \"hmac\": \"short\"}",
                "{\"msg\": \"x\", \"salt\": \"1\", \"hmac\": \"\"}",
            })
    void readsTheCommonFormAsJacksonDoes(String envelope) throws Exception {
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        CodecScratch s = CodecScratch.get();

        assertThat(new EnvelopeScanner(Integer.MAX_VALUE).read(bytes, 0, bytes.length, s))
                .isTrue();

        JsonNode jackson = JSON.readTree(bytes);
        assertThat(new String(s.msg, 0, s.msgLength))
                .isEqualTo(jackson.get("msg").textValue());
        assertThat(new String(s.salt, 0, s.saltLength))
                .isEqualTo(jackson.get("salt").textValue());
        String hmac = jackson.get("hmac").textValue();
        assertThat(s.hmacLength).isEqualTo(hmac.length());
        if (hmac.length() == s.hmac.length) {
            assertThat(new String(s.hmac)).isEqualTo(hmac);
        }
    }

    @Test
    void readsAtAnOffsetWithinTheArray() {
        byte[] bytes = ("plj0" + PYTHON + "garbage").getBytes(StandardCharsets.UTF_8);
        CodecScratch s = CodecScratch.get();

        assertThat(new EnvelopeScanner(Integer.MAX_VALUE).read(bytes, 4, PYTHON.length(), s))
                .isTrue();
        assertThat(new String(s.salt, 0, s.saltLength)).isEqualTo("1796534956");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "[]",
                "{}",
                "{\"msg\": \"a\", \"salt\": \"1\"}",
                "{\"msg\": \"a\", \"salt\": \"1\", \"hmac\": \"h\", \"msg\": \"b\"}",
                "{\"msg\": \"a\", \"salt\": \"1\", \"hmac\": \"h\", \"other\": \"b\"}",
                "{\"m\\u0073g\": \"a\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msgs\": \"a\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": 1, \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": null, \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": \"\\u00e9\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": \"\\ud800\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": \"\u00e9\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": \"\u0001\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": \"\u007f\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": \"\\x\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": \"\\u00g1\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": \"\\u00",
                "{\"msg\": \"\\",
                "{\"msg\": \"a",
                "{\"msg\": \"a\", \"salt\": \"\\u0031\", \"hmac\": \"h\"}",
                "{\"msg\": \"a\", \"salt\": \"1\", \"hmac\": \"\\u0068\"}",
                "{\"msg\": \"a\", \"salt\": \"1\", \"hmac\": \"h\",}",
                "{\"msg\": \"a\", \"salt\": \"1\", \"hmac\": \"h\"} x",
                "{\"msg\": \"a\", \"salt\": \"1\", \"hmac\": \"h\"}}",
                "{\"msg\": \"a\" \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\" \"a\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": \"a\", \"salt\": \"1\", \"hmac\": \"h\"",
                "\u000b{\"msg\": \"a\", \"salt\": \"1\", \"hmac\": \"h\"}",
                "{\"msg\": \"a\", \"salt\": \"1\", \"hmac\": \"h\"}\u0000",
            })
    void leavesEverythingElseToJackson(String envelope) {
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);

        assertThat(new EnvelopeScanner(Integer.MAX_VALUE).read(bytes, 0, bytes.length, CodecScratch.get()))
                .isFalse();
    }

    @Test
    void leavesStringsOverTheParsersLimitToJackson() {
        byte[] bytes = "{\"msg\": \"abcd\", \"salt\": \"1\", \"hmac\": \"h\"}".getBytes(StandardCharsets.UTF_8);
        CodecScratch s = CodecScratch.get();

        assertThat(new EnvelopeScanner(3).read(bytes, 0, bytes.length, s)).isFalse();
        assertThat(new EnvelopeScanner(4).read(bytes, 0, bytes.length, s)).isTrue();
        byte[] salt = "{\"msg\": \"a\", \"salt\": \"12345\", \"hmac\": \"h\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(new EnvelopeScanner(4).read(salt, 0, salt.length, s)).isFalse();
    }
}
