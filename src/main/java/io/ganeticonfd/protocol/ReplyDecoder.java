package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses and verifies a reply datagram as a client: magic, envelope, HMAC, message. Never throws. */
public final class ReplyDecoder {

    private final ObjectMapper mapper;

    /** A decoder reading JSON with this mapper. */
    public ReplyDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The verified reply in {@code data}, or empty if it is not a valid reply signed with {@code key}. */
    public Optional<ConfdReply> decode(byte[] data, int len, HmacKey key) {
        byte[] magic = RequestDecoder.MAGIC;
        if (len < magic.length || !Arrays.equals(data, 0, magic.length, magic, 0, magic.length)) {
            return Optional.empty();
        }
        try {
            JsonNode envelope = mapper.readTree(new String(data, magic.length, len - magic.length, StandardCharsets.UTF_8));
            JsonNode msg = envelope.get("msg");
            JsonNode salt = envelope.get("salt");
            JsonNode hmac = envelope.get("hmac");
            if (msg == null || salt == null || hmac == null || !msg.isTextual() || !salt.isTextual() || !hmac.isTextual()) {
                return Optional.empty();
            }
            byte[] digest = Hex.decodeDigest(hmac.asText());
            if (digest == null || !key.verifies(salt.asText().getBytes(StandardCharsets.UTF_8),
                    msg.asText().getBytes(StandardCharsets.UTF_8), digest)) {
                return Optional.empty();
            }
            JsonNode reply = mapper.readTree(msg.asText());
            Optional<ReplyStatus> status = ReplyStatus.fromCode(reply.path("status").asInt(-1));
            if (status.isEmpty() || !reply.has("answer") || !reply.path("serial").isNumber()) {
                return Optional.empty();
            }
            return Optional.of(new ConfdReply(status.get(), reply.get("answer"), reply.get("serial").asLong(), salt.asText()));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
