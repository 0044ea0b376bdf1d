package io.ganeticonfd.conformance;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.HmacKey;

/** Reads a reply datagram strictly, as a test client: magic, envelope, salt, HMAC, then the message. */
public final class ReplyReader {

    /** A verified reply: the salt it carried and its decoded message object. */
    public record Read(String salt, JsonNode message) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplyReader() {}

    /** The verified reply, or an {@link AssertionError} saying what is wrong with it. */
    public static Read read(byte[] data, int len, HmacKey key) {
        String text = new String(data, 0, len, StandardCharsets.UTF_8);
        if (!text.startsWith("plj0")) {
            throw new AssertionError("reply without plj0 magic: " + text);
        }
        try {
            JsonNode env = JSON.readTree(text.substring(4));
            String msg = env.get("msg").asText();
            String salt = env.get("salt").asText();
            String expected = HexFormat.of()
                    .formatHex(key.sign(salt.getBytes(StandardCharsets.UTF_8), msg.getBytes(StandardCharsets.UTF_8)));
            if (!expected.equals(env.get("hmac").asText())) {
                throw new AssertionError("reply HMAC does not verify: " + text);
            }
            return new Read(salt, JSON.readTree(msg));
        } catch (java.io.IOException e) {
            throw new AssertionError("reply is not JSON: " + text, e);
        }
    }
}
