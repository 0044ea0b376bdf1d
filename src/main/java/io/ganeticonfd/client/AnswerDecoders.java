package io.ganeticonfd.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.NodeRole;

/**
 * The functions that turn JSON answers into typed values (see {@link RequestDescription}). Every
 * decoder throws {@link IllegalArgumentException} on an answer of the wrong shape.
 */
final class AnswerDecoders {

    private AnswerDecoders() {}

    /** The chosen OK answer of {@code result} decoded, or the {@link ConfdException} saying why there is none. */
    static <T> T decode(ConfdResult result, Function<JsonNode, T> decoder) {
        PeerReply chosen = result.chosen()
                .orElseThrow(() -> new ConfdException(
                        ConfdException.Reason.NO_REPLY,
                        result.request().type() + ": no reply from " + result.asked(),
                        result));
        if (!chosen.reply().ok()) {
            throw new ConfdException(
                    ConfdException.Reason.ERROR_STATUS,
                    result.request().type() + ": " + chosen.reply().status() + " from " + chosen.peer() + ": "
                            + chosen.reply().answer(),
                    result);
        }
        try {
            return decoder.apply(chosen.reply().answer());
        } catch (IllegalArgumentException e) {
            throw new ConfdException(
                    ConfdException.Reason.BAD_ANSWER,
                    result.request().type() + ": unexpected answer: " + e.getMessage(),
                    result);
        }
    }

    static long number(JsonNode n) {
        if (!n.isIntegralNumber() && !(n.isNumber() && n.asDouble() == Math.rint(n.asDouble()))) {
            throw new IllegalArgumentException("not an integer: " + n);
        }
        return n.asLong();
    }

    static String text(JsonNode n) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException("not a string: " + n);
        }
        return n.asText();
    }

    static <T> List<T> list(JsonNode n, Function<JsonNode, T> element) {
        if (!n.isArray()) {
            throw new IllegalArgumentException("not a list: " + n);
        }
        List<T> out = new ArrayList<>(n.size());
        n.forEach(e -> out.add(element.apply(e)));
        return Collections.unmodifiableList(out);
    }

    static NodeRole role(JsonNode n) {
        long code = number(n);
        return NodeRole.fromCode((int) code).orElseThrow(() -> new IllegalArgumentException("unknown role " + code));
    }

    static Map<MasterField, String> masterFields(JsonNode n, List<MasterField> fields) {
        List<String> values = list(n, AnswerDecoders::text);
        if (values.size() != fields.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + fields.size() + " fields");
        }
        Map<MasterField, String> out = new EnumMap<>(MasterField.class);
        for (int i = 0; i < fields.size(); i++) {
            out.put(fields.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The IP-list form of NODE_PIP_BY_INSTANCE_IP: instance IP to node primary IP, found entries only. */
    static Map<String, String> ipMappings(JsonNode n, List<String> ips) {
        List<JsonNode> entries = list(n, e -> e);
        if (entries.size() != ips.size()) {
            throw new IllegalArgumentException(entries.size() + " entries for " + ips.size() + " IPs");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < ips.size(); i++) {
            JsonNode e = entries.get(i);
            if (!e.isArray() || e.size() != 3) {
                throw new IllegalArgumentException("not a [status, answer, serial] entry: " + e);
            }
            if (number(e.get(0)) == 0) {
                out.put(ips.get(i), text(e.get(1)));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static DrbdEntry drbd(JsonNode n) {
        if (!n.isArray() || n.size() != 6) {
            throw new IllegalArgumentException("not a 6-element DRBD entry: " + n);
        }
        return new DrbdEntry(
                text(n.get(0)),
                number(n.get(1)),
                text(n.get(2)),
                text(n.get(3)),
                "primary".equals(text(n.get(4))),
                text(n.get(5)));
    }

    static NodeInstances nodeInstances(JsonNode n) {
        if (!n.isArray() || n.size() != 2) {
            throw new IllegalArgumentException("not a [primaries, secondaries] pair: " + n);
        }
        return new NodeInstances(list(n.get(0), AnswerDecoders::instance), list(n.get(1), AnswerDecoders::instance));
    }

    static InstanceInfo instance(JsonNode n) {
        requireObject(n);
        return new InstanceInfo(
                text(n.path("name")),
                n.path("uuid").asText(null),
                n.path("primary_node").asText(null),
                n);
    }

    static DiskInfo disk(JsonNode n) {
        requireObject(n);
        return new DiskInfo(
                n.path("uuid").asText(null),
                n.path("iv_name").asText(null),
                text(n.path("dev_type")),
                n.path("size").asLong(),
                n.path("mode").asText(null),
                n);
    }

    static Map<String, DataCollector> dataCollectors(JsonNode n) {
        requireObject(n);
        Map<String, DataCollector> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode active = e.getValue().path("active");
            if (!active.isBoolean()) {
                throw new IllegalArgumentException("collector " + e.getKey() + " has no boolean 'active'");
            }
            long micros = number(e.getValue().path("interval"));
            out.put(e.getKey(), new DataCollector(active.asBoolean(), Duration.of(micros, ChronoUnit.MICROS)));
        }
        return Collections.unmodifiableMap(out);
    }

    private static void requireObject(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not an object: " + n);
        }
    }
}
