package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MessageScanner}: the messages real clients sign are read into the request Jackson reads from
 * them (the decoder on a fresh parser per document is the reference); everything outside its form is
 * left to Jackson.
 */
class MessageScannerTest {

    private static final HmacKey KEY = DocumentParsersPropertiesTest.KEY;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"1a2fb487-60b9-44de-b6b7-badbcbedb7bc\", \"query\": \"node2.example.com\"}\n",
                "{\"type\":0,\"protocol\":1,\"rsalt\":\"r\",\"query\":null}",
                "{\"type\":0,\"protocol\":1,\"rsalt\":\"r\"}",
                "{ \"rsalt\" :\t\"\" ,\r\n\"type\" : 10 , \"protocol\":0, \"query\" : \"/cluster/cluster_name\" }  \n",
                "{\"protocol\": 123456789, \"type\": 5, \"rsalt\": \" !#~\", \"query\": \"\"}",
                "{\"protocol\": 1, \"type\": 99, \"rsalt\": \"r\"}",
                "{\"protocol\": 1, \"type\": 123456789, \"rsalt\": \"r\"}",
            })
    void readsTheCommonFormAsJacksonDoes(String msg) {
        DecodeResult scanned = scan(msg);

        assertThat(scanned).isNotNull().isEqualTo(reference(msg));
    }

    @Test
    void readsAtAnOffsetWithinTheArray() {
        String msg = "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"query\": \"node1\"}";
        byte[] bytes = ("xx" + msg + "yy").getBytes(StandardCharsets.US_ASCII);

        DecodeResult scanned =
                new MessageScanner(Integer.MAX_VALUE).read(bytes, 2, msg.length(), KEY, CodecScratch.get());

        assertThat(scanned)
                .isEqualTo(new DecodeResult.Accepted(
                        new ConfdRequest(RequestType.NODE_ROLE_BYNAME, new QueryArgument.Plain("node1"), "r"), KEY));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{}",
                "{\"protocol\": 1, \"type\": 1}",
                "{\"protocol\": 1, \"rsalt\": \"r\"}",
                "{\"type\": 1, \"rsalt\": \"r\"}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"type\": 2}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"query\": null, \"query\": \"a\"}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"other\": 1}",
                "{\"protocol\": 1, \"typ\\u0065\": 1, \"rsalt\": \"r\"}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"query\": {\"0\": \"br0\"}}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"query\": []}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"query\": 1}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"query\": nul}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"query\": nullx}",
                "{\"protocol\": 1, \"type\": 1.0, \"rsalt\": \"r\"}",
                "{\"protocol\": 1, \"type\": 1e0, \"rsalt\": \"r\"}",
                "{\"protocol\": 1, \"type\": -1, \"rsalt\": \"r\"}",
                "{\"protocol\": 1, \"type\": 01, \"rsalt\": \"r\"}",
                "{\"protocol\": 1, \"type\": 1234567890, \"rsalt\": \"r\"}",
                "{\"protocol\": true, \"type\": 1, \"rsalt\": \"r\"}",
                "{\"protocol\": 1, \"type\": \"1\", \"rsalt\": \"r\"}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": 1}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"a\\\"b\"}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"\u00e9\"}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"\u0001\"}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"\u007f\"}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\"",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\",}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\"} x",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\"}}",
                "{\"protocol\": 1 \"type\": 1, \"rsalt\": \"r\"}",
                "{\"protocol\" 1, \"type\": 1, \"rsalt\": \"r\"}",
                "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r",
            })
    void leavesEverythingElseToJackson(String msg) {
        assertThat(scan(msg)).isNull();
    }

    @Test
    void leavesStringsOverTheParsersLimitToJackson() {
        byte[] bytes = "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"r\", \"query\": \"abcd\"}"
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(new MessageScanner(3).read(bytes, 0, bytes.length, KEY, CodecScratch.get()))
                .isNull();
        assertThat(new MessageScanner(4).read(bytes, 0, bytes.length, KEY, CodecScratch.get()))
                .isNotNull();
        byte[] rsalt = "{\"protocol\": 1, \"type\": 1, \"rsalt\": \"abcde\"}".getBytes(StandardCharsets.US_ASCII);
        assertThat(new MessageScanner(4).read(rsalt, 0, rsalt.length, KEY, CodecScratch.get()))
                .isNull();
    }

    private static DecodeResult scan(String msg) {
        byte[] bytes = msg.getBytes(StandardCharsets.UTF_8);
        return new MessageScanner(Integer.MAX_VALUE).read(bytes, 0, bytes.length, KEY, CodecScratch.get());
    }

    /** What the decoder on a fresh Jackson parser per document makes of the message, signed. */
    private static DecodeResult reference(String msg) {
        byte[] datagram = DocumentParsersPropertiesTest.signed(msg);
        return DocumentParsersPropertiesTest.FRESH.decode(
                datagram, 0, datagram.length, DocumentParsersPropertiesTest.NOW, DocumentParsersPropertiesTest.KEYS);
    }
}
