package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** Prepared requests sign what the daemon's decoder accepts, for any rsalt and timestamp, and as the encoder does. */
class PreparedRequestTest {

    private static final HmacKey KEY = HmacKey.of("prepared key");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestDecoder DECODER = new RequestDecoder(new JsonFactory(), 300, 4096);
    private static final long NOW = 1_700_000_000L;

    @Test
    void writesRequestsTheDaemonAcceptsForEachRsaltAndTimestamp() {
        PreparedRequest prepared =
                PreparedRequest.of(JSON, RequestType.CONFIG_QUERY, TextNode.valueOf("/cluster/\"name\""));
        RsaltSequence rsalts = new RsaltSequence(0x1234abcd, 7);
        byte[] rsalt = new byte[RsaltSequence.LENGTH];
        byte[] out = new byte[prepared.maxBytes(RsaltSequence.LENGTH)];
        for (long seq : new long[] {1, 2, 0xffffffffffffL}) {
            rsalts.write(seq, rsalt);
            int len = prepared.write(out, rsalt, rsalt.length, NOW + seq % 100, KEY);

            DecodeResult result = DECODER.decode(out, 0, len, NOW, KeyRing.of(KEY));

            assertThat(result).isInstanceOfSatisfying(DecodeResult.Accepted.class, a -> {
                assertThat(a.request().type()).isEqualTo(RequestType.CONFIG_QUERY);
                assertThat(a.request().query()).isEqualTo(new QueryArgument.Plain("/cluster/\"name\""));
                assertThat(rsalts.sequenceOf(a.request().rsalt())).isEqualTo(seq);
            });
        }
    }

    @Test
    void encoderWritesTheSameBytesAsAPreparedRequest() {
        String rsalt = "8a1b2c3d-0001-4000-8000-000000000005";
        QueryArgument query = new QueryArgument.Dict("br0", "192.0.2.1", List.of(), List.of(MasterField.NAME));
        PreparedRequest prepared =
                PreparedRequest.of(JSON, RequestType.NODE_PIP_BY_INSTANCE_IP, RequestEncoder.queryJson(query));
        byte[] out = new byte[prepared.maxBytes(rsalt.length())];
        int len = prepared.write(out, rsalt.getBytes(StandardCharsets.US_ASCII), rsalt.length(), NOW, KEY);

        byte[] encoded = new RequestEncoder(JSON)
                .encode(new ConfdRequest(RequestType.NODE_PIP_BY_INSTANCE_IP, query, rsalt), NOW, KEY);

        assertThat(encoded).isEqualTo(Arrays.copyOf(out, len));
    }

    @Test
    void encoderCarriesAnRsaltThatNeedsEscaping() {
        String rsalt = "r\"\\\u00e9";
        byte[] encoded = new RequestEncoder(JSON)
                .encode(new ConfdRequest(RequestType.PING, QueryArgument.None.INSTANCE, rsalt), NOW, KEY);

        assertThat(PreparedRequest.plainRsalt(rsalt)).isFalse();
        assertThat(DECODER.decode(encoded, 0, encoded.length, NOW, KeyRing.of(KEY)))
                .isInstanceOfSatisfying(
                        DecodeResult.Accepted.class,
                        a -> assertThat(a.request().rsalt()).isEqualTo(rsalt));
    }

    @Test
    void rsaltSequenceCountsUpAndKnowsOnlyItsOwnSalts() {
        RsaltSequence rsalts = new RsaltSequence(0xabcd, 1);

        assertThat(rsalts.next()).isEqualTo("0000abcd-0001-4000-8000-000000000001");
        assertThat(rsalts.sequenceOf(rsalts.next())).isEqualTo(2);
        assertThat(rsalts.sequenceOf("0000abcd-0002-4000-8000-000000000002")).isZero();
        assertThat(rsalts.sequenceOf("0000abcd-0001-4000-8000-00000000000g")).isZero();
        assertThat(rsalts.sequenceOf(null)).isZero();
    }
}
