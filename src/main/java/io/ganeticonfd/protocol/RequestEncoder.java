package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds signed request datagrams as Ganeti's clients do. Thread-safe. */
public final class RequestEncoder {

    private final ObjectMapper mapper;

    /** An encoder writing JSON with this mapper. */
    public RequestEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The datagram for {@code request}, timestamped {@code nowSeconds} and signed with {@code key}. */
    public byte[] encode(ConfdRequest request, long nowSeconds, HmacKey key) {
        ObjectNode msg = mapper.createObjectNode();
        msg.put("protocol", 1);
        msg.put("type", request.type().code());
        msg.put("rsalt", request.rsalt());
        if (!(request.query() instanceof QueryArgument.None)) {
            msg.set("query", queryJson(request.query()));
        }
        try {
            return sign(mapper.writeValueAsString(msg) + "\n", Long.toString(nowSeconds), key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize request", e);
        }
    }

    /** The datagram carrying this exact message text and salt, signed with {@code key}. */
    public byte[] sign(String msg, String salt, HmacKey key) {
        byte[] digest = key.sign(salt.getBytes(StandardCharsets.UTF_8), msg.getBytes(StandardCharsets.UTF_8));
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("msg", msg);
        envelope.put("salt", salt);
        envelope.put("hmac", HexFormat.of().formatHex(digest));
        try {
            byte[] body = mapper.writeValueAsBytes(envelope);
            byte[] out = new byte[RequestDecoder.MAGIC.length + body.length];
            System.arraycopy(RequestDecoder.MAGIC, 0, out, 0, RequestDecoder.MAGIC.length);
            System.arraycopy(body, 0, out, RequestDecoder.MAGIC.length, body.length);
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize envelope", e);
        }
    }

    /** The query as it goes on the wire: JSON null, a string, or a dict with keys "0".."3" (absent parts left out). */
    public static JsonNode queryJson(QueryArgument query) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (query instanceof QueryArgument.Plain plain) {
            return plain.value() == null ? nodes.nullNode() : nodes.textNode(plain.value());
        }
        if (query instanceof QueryArgument.Dict dict) {
            ObjectNode m = nodes.objectNode();
            if (dict.link() != null) {
                m.put("0", dict.link());
            }
            if (dict.ip() != null) {
                m.put("1", dict.ip());
            }
            if (!dict.ips().isEmpty()) {
                ArrayNode ips = m.putArray("2");
                dict.ips().forEach(ips::add);
            }
            if (!dict.fields().isEmpty()) {
                ArrayNode codes = m.putArray("3");
                dict.fields().forEach(f -> codes.add(f.code()));
            }
            return m;
        }
        return nodes.nullNode();
    }
}
