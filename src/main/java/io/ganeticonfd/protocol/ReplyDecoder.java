package io.ganeticonfd.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses and verifies a reply datagram as a client: magic, envelope, HMAC, message. Never throws. Thread-safe. */
public final class ReplyDecoder {

    private final ObjectMapper mapper;

    /** A decoder reading JSON with this mapper. */
    public ReplyDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The verified reply in {@code data}, or empty if it is not a valid reply signed with {@code key}. */
    public Optional<ConfdReply> decode(byte[] data, int len, HmacKey key) {
        return read(data, 0, len, key) instanceof ReplyDecodeResult.Verified v ? Optional.of(v.reply()) : Optional.empty();
    }

    /** Reads {@code len} bytes of {@code data} from {@code off}: the verified reply, or why it is refused. */
    public ReplyDecodeResult read(byte[] data, int off, int len, HmacKey key) {
        byte[] magic = RequestDecoder.MAGIC;
        if (len < magic.length || data[off] != magic[0] || data[off + 1] != magic[1] || data[off + 2] != magic[2]
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
        if (digest == null || !key.verifies(salt.getBytes(StandardCharsets.UTF_8), msg.getBytes(StandardCharsets.UTF_8),
                digest)) {
            return refused(ReplyRejection.HMAC_MISMATCH, salt);
        }
        return message(msg, salt);
    }

    private ReplyDecodeResult message(String msg, String salt) {
        try {
            JsonNode reply = mapper.readTree(msg);
            Optional<ReplyStatus> status = ReplyStatus.fromCode(reply.path("status").asInt(-1));
            if (status.isEmpty() || !reply.has("answer") || !reply.path("serial").isNumber()) {
                return refused(ReplyRejection.BAD_MESSAGE, salt);
            }
            return new ReplyDecodeResult.Verified(
                    new ConfdReply(status.get(), reply.get("answer"), reply.get("serial").asLong(), salt));
        } catch (IOException | RuntimeException e) {
            return refused(ReplyRejection.BAD_MESSAGE, salt);
        }
    }

    private static ReplyDecodeResult refused(ReplyRejection reason, String claimedSalt) {
        return new ReplyDecodeResult.Refused(reason, claimedSalt);
    }
}
