package io.ganeticonfd.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.ConfdReply;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.ReplyDecoder;
import io.ganeticonfd.protocol.RequestDecoder;

/**
 * Reads a datagram received by the client: the verified reply, or, for a datagram that does not
 * verify, only the salt it claims (so the request it pretends to answer can note the bad peer).
 */
final class DatagramReader {

    /** A verified reply (its salt is the rsalt it answers), or an unverified claimed salt (may be null). */
    record Read(String salt, ConfdReply reply) {
    }

    private final ObjectMapper mapper;
    private final ReplyDecoder decoder;
    private final HmacKey key;

    DatagramReader(ObjectMapper mapper, HmacKey key) {
        this.mapper = mapper;
        this.decoder = new ReplyDecoder(mapper);
        this.key = key;
    }

    Read read(byte[] data, int len) {
        return decoder.decode(data, len, key)
                .map(reply -> new Read(reply.salt(), reply))
                .orElseGet(() -> new Read(claimedSalt(data, len), null));
    }

    private String claimedSalt(byte[] data, int len) {
        int magic = RequestDecoder.MAGIC.length;
        if (len <= magic) {
            return null;
        }
        try {
            JsonNode salt = mapper.readTree(new String(data, magic, len - magic, StandardCharsets.UTF_8)).path("salt");
            return salt.isTextual() ? salt.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
