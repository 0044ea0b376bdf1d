package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CharacterCodingException;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Properties of signed replies: whatever the rsalt and answer text, a strict client verifies and reads them back. */
class ReplyEncoderPropertiesTest {

    static final ReplyDecoder CLIENT = new ReplyDecoder(new ObjectMapper());

    @Provide
    Arbitrary<String> text() {
        return ProtocolArbitraries.text();
    }

    @Property
    void anyRsaltAndAnswerTextRoundTripThroughAVerifyingClient(
            @ForAll("text") String rsalt, @ForAll("text") String answer, @ForAll @LongRange(min = 0) long serial)
            throws CharacterCodingException {
        byte[] datagram =
                ReplyEncoder.encode(ReplyBody.ok(ReplyBody.quote(answer), serial), rsalt, ReplyEncoderTest.KEY);

        ReplyEncoderTest.strictUtf8(datagram);
        ConfdReply reply =
                CLIENT.decode(datagram, datagram.length, ReplyEncoderTest.KEY).orElseThrow();
        assertThat(reply.salt()).isEqualTo(rsalt);
        assertThat(reply.answer().asText()).isEqualTo(answer);
        assertThat(reply.serial()).isEqualTo(serial);
        assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
    }

    @Property
    void anyErrorMessageRoundTrips(@ForAll("text") String message) {
        byte[] datagram = ReplyEncoder.encode(ReplyBody.error(message), "r", ReplyEncoderTest.KEY);

        ConfdReply reply =
                CLIENT.decode(datagram, datagram.length, ReplyEncoderTest.KEY).orElseThrow();
        assertThat(reply.answer().asText()).isEqualTo(message);
        assertThat(reply.status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(reply.serial()).isZero();
    }
}
