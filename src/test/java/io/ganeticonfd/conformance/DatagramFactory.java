package io.ganeticonfd.conformance;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.ganeticonfd.protocol.HmacKey;

/**
 * Builds request datagrams from conformance query specifications exactly as the shared
 * {@code difftest.py} does (Python-style JSON with ", " and ": " separators).
 */
public final class DatagramFactory {

    /** A datagram and the rsalt its reply must echo (null when none is expected). */
    public record Built(byte[] data, String rsalt) {}

    private DatagramFactory() {}

    /** The datagram for {@code spec}, signed with {@code key} at {@code nowSeconds}. */
    public static Built build(JsonNode spec, HmacKey key, long nowSeconds) {
        if (spec.has("raw_hex")) {
            return new Built(HexFormat.of().parseHex(spec.get("raw_hex").asText()), null);
        }
        if (spec.has("raw")) {
            return new Built(spec.get("raw").asText().getBytes(StandardCharsets.UTF_8), null);
        }
        boolean ascii = spec.path("ascii").asBoolean(true);
        String rsalt = UUID.randomUUID().toString();
        Map<String, JsonNode> req = new LinkedHashMap<>();
        req.put(
                "protocol",
                spec.has("protocol") ? spec.get("protocol") : new com.fasterxml.jackson.databind.node.IntNode(1));
        req.put(
                "type",
                spec.get("type") == null ? com.fasterxml.jackson.databind.node.NullNode.instance : spec.get("type"));
        req.put("rsalt", TextNode.valueOf(rsalt));
        if (spec.has("rsalt")) {
            if (spec.get("rsalt").isNull()) {
                req.remove("rsalt");
                rsalt = null;
            } else {
                rsalt = spec.get("rsalt").isTextual() ? spec.get("rsalt").asText() : null;
                req.put("rsalt", spec.get("rsalt"));
            }
        }
        if (spec.has("query")) {
            req.put("query", spec.get("query"));
        }
        spec.path("omit").forEach(k -> req.remove(k.asText()));
        spec.path("extra").fields().forEachRemaining(e -> req.put(e.getKey(), e.getValue()));
        String text = spec.has("inner")
                ? spec.get("inner").asText().replace("{rsalt}", rsalt == null ? "" : rsalt)
                : PythonJson.dumps(req, ascii) + "\n";
        String salt;
        if (spec.has("salt")) {
            salt = spec.get("salt").asText().replace("{now}", Long.toString(nowSeconds));
        } else if (spec.has("ts")) {
            salt = Long.toString(spec.get("ts").asLong());
        } else {
            salt = Long.toString(nowSeconds + spec.path("ts_offset").asLong(0));
        }
        byte[] data = envelope(spec, key, text, salt, ascii);
        if (spec.has("pad_to")) {
            int missing = spec.get("pad_to").asInt() - data.length;
            boolean newline = text.endsWith("\n");
            String body = newline ? text.substring(0, text.length() - 1) : text;
            text = body + " ".repeat(missing) + (newline ? "\n" : "");
            data = envelope(spec, key, text, salt, ascii);
        }
        return new Built(data, rsalt);
    }

    private static byte[] envelope(JsonNode spec, HmacKey key, String msg, String salt, boolean ascii) {
        String h = HexFormat.of()
                .formatHex(key.sign(salt.getBytes(StandardCharsets.UTF_8), msg.getBytes(StandardCharsets.UTF_8)));
        if (spec.path("bad_hmac").asBoolean(false)) {
            h = "0".repeat(40);
        }
        if (spec.has("hmac")) {
            h = spec.get("hmac").asText();
        }
        if (spec.path("hmac_upper").asBoolean(false)) {
            h = h.toUpperCase();
        }
        Map<String, JsonNode> outer = new LinkedHashMap<>();
        outer.put("msg", TextNode.valueOf(msg));
        outer.put("salt", TextNode.valueOf(salt));
        outer.put("hmac", TextNode.valueOf(h));
        spec.path("outer_omit").forEach(k -> outer.remove(k.asText()));
        Iterator<Map.Entry<String, JsonNode>> extra = spec.path("outer_extra").fields();
        extra.forEachRemaining(e -> outer.put(e.getKey(), e.getValue()));
        String magic = spec.has("magic") ? spec.get("magic").asText() : "plj0";
        return (magic + PythonJson.dumps(outer, ascii)).getBytes(StandardCharsets.UTF_8);
    }
}
