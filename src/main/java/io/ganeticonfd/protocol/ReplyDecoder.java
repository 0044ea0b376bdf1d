package io.ganeticonfd.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Parses and verifies a reply datagram as a client: magic, envelope, HMAC, message. Never throws. Thread-safe. */
public final class ReplyDecoder {

    private final ObjectMapper mapper;

    /** A decoder reading JSON with this mapper. */
    public ReplyDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The verified reply in {@code data}, or empty if it is not a valid reply signed with {@code key}. */
    public Optional<ConfdReply> decode(byte[] data, int len, HmacKey key) {
        return read(data, 0, len, key) instanceof ReplyDecodeResult.Verified v
                ? Optional.of(v.reply())
                : Optional.empty();
    }

    /** Reads {@code len} bytes of {@code data} from {@code off}: the verified reply, or why it is refused. */
    public ReplyDecodeResult read(byte[] data, int off, int len, HmacKey key) {
        byte[] magic = RequestDecoder.MAGIC;
        if (len < magic.length
                || data[off] != magic[0]
                || data[off + 1] != magic[1]
                || data[off + 2] != magic[2]
                || data[off + 3] != magic[3]) {
            return refused(ReplyRejection.BAD_MAGIC, null);
        }
        String msg = null;
        String salt = null;
        String hmac = null;
        try (JsonParser p = mapper.getFactory().createParser(data, off + magic.length, len - magic.length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return refused(ReplyRejection.BAD_ENVELOPE, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                String text = value == JsonToken.VALUE_STRING ? p.getText() : null;
                switch (name) {
                    case "msg" -> msg = text;
                    case "salt" -> salt = text;
                    case "hmac" -> hmac = text;
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return refused(ReplyRejection.BAD_ENVELOPE, null);
        }
        if (msg == null || salt == null || hmac == null) {
            return refused(ReplyRejection.BAD_ENVELOPE, salt);
        }
        byte[] digest = Hex.decodeDigest(hmac);
        if (digest == null
                || !key.verifies(salt.getBytes(StandardCharsets.UTF_8), msg.getBytes(StandardCharsets.UTF_8), digest)) {
            return refused(ReplyRejection.HMAC_MISMATCH, salt);
        }
        return message(msg, salt);
    }

    /** The reply message, read as a stream: status and serial as numbers, the answer as a tree. */
    private ReplyDecodeResult message(String msg, String salt) {
        int status = -1;
        boolean hasSerial = false;
        long serial = 0;
        JsonNode answer = null;
        try (JsonParser p = mapper.getFactory().createParser(msg)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return refused(ReplyRejection.BAD_MESSAGE, salt);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "status" -> status = value.isScalarValue() ? p.getValueAsInt(-1) : skip(p, -1);
                    case "serial" -> {
                        hasSerial = value.isNumeric();
                        serial = hasSerial ? p.getValueAsLong() : skip(p, 0);
                    }
                    case "answer" -> answer = answer(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return refused(ReplyRejection.BAD_MESSAGE, salt);
        }
        Optional<ReplyStatus> replyStatus = ReplyStatus.fromCode(status);
        if (replyStatus.isEmpty() || answer == null || !hasSerial) {
            return refused(ReplyRejection.BAD_MESSAGE, salt);
        }
        return new ReplyDecodeResult.Verified(new ConfdReply(replyStatus.get(), answer, serial, salt));
    }

    /** The answer as the tree reader builds it; scalars without going through the mapper. */
    private static JsonNode answer(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL -> NullNode.getInstance();
            case VALUE_TRUE, VALUE_FALSE -> BooleanNode.valueOf(value == JsonToken.VALUE_TRUE);
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT ->
                switch (p.getNumberType()) {
                    case INT -> IntNode.valueOf(p.getIntValue());
                    case LONG -> LongNode.valueOf(p.getLongValue());
                    default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                };
            default -> p.readValueAsTree();
        };
    }

    private static int skip(JsonParser p, int value) throws IOException {
        p.skipChildren();
        return value;
    }

    private static ReplyDecodeResult refused(ReplyRejection reason, String claimedSalt) {
        return new ReplyDecodeResult.Refused(reason, claimedSalt);
    }
}
