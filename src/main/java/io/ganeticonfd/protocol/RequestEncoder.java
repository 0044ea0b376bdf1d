package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
        JsonNode query = request.query() instanceof QueryArgument.None ? null : queryJson(request.query());
        String rsalt = request.rsalt();
        if (!PreparedRequest.plainRsalt(rsalt)) {
            PreparedRequest fixed = PreparedRequest.withRsalt(mapper, request.type(), query, rsalt);
            return written(fixed.maxBytes(0), out -> fixed.write(out, new byte[0], 0, nowSeconds, key));
        }
        PreparedRequest prepared = PreparedRequest.of(mapper, request.type(), query);
        byte[] salt = rsalt.getBytes(StandardCharsets.US_ASCII);
        return written(prepared.maxBytes(salt.length), out -> prepared.write(out, salt, salt.length, nowSeconds, key));
    }

    /** The datagram carrying this exact message text and salt, signed with {@code key}. */
    public byte[] sign(String msg, String salt, HmacKey key) {
        PreparedRequest prepared = PreparedRequest.ofMessage(mapper, msg);
        return written(prepared.maxBytes(salt), out -> prepared.write(out, salt, key));
    }

    private static byte[] written(int maxBytes, java.util.function.ToIntFunction<byte[]> writer) {
        byte[] out = new byte[maxBytes];
        return Arrays.copyOf(out, writer.applyAsInt(out));
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
