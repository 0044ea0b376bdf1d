package io.ganeticonfd.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.NodeRole;
import io.ganeticonfd.protocol.RequestType;

/**
 * An OK answer rendered for people: either one value for the heading line, or lines listed under it.
 * Answers of an unexpected shape are shown as indented JSON.
 */
record AnswerText(String value, List<String> lines) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AnswerText of(RequestType type, List<MasterField> fields, JsonNode a) {
        try {
            return render(type, fields, a);
        } catch (RuntimeException e) {
            return json(a);
        }
    }

    private static AnswerText render(RequestType type, List<MasterField> fields, JsonNode a) {
        return switch (type) {
            case PING -> value("config version " + a.asLong());
            case CLUSTER_MASTER -> fields == null ? value(text(a)) : masterFields(fields, a);
            case NODE_ROLE_BYNAME -> value(NodeRole.fromCode(a.asInt()).orElseThrow().name().toLowerCase(Locale.ROOT));
            case NODE_PIP_BY_INSTANCE_IP -> value(text(a));
            case NODE_PIP_LIST, MC_PIP_LIST, INSTANCES_IPS_LIST -> lines(a, AnswerText::text);
            case NODE_DRBD -> lines(a, e -> "minor " + e.get(1).asLong() + ": " + text(e.get(2)) + " " + text(e.get(3))
                    + " (" + text(e.get(4)) + ", peer " + text(e.get(5)) + ")");
            case NODE_INSTANCES -> nodeInstances(a);
            case INSTANCE_DISKS -> lines(a, d -> text(d.get("iv_name")) + ": " + text(d.get("dev_type")) + ", "
                    + d.get("size").asLong() + " MiB, " + text(d.get("mode")) + " (" + text(d.get("uuid")) + ")");
            case CONFIG_QUERY -> a.isValueNode() ? value(a.isTextual() ? a.asText() : a.toString()) : json(a);
            case DATA_COLLECTORS -> dataCollectors(a);
        };
    }

    private static AnswerText masterFields(List<MasterField> fields, JsonNode a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            out.add(QueryCommand.fieldName(fields.get(i)) + ": " + text(a.get(i)));
        }
        return new AnswerText(null, out);
    }

    private static AnswerText nodeInstances(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.get(0).forEach(i -> out.add("primary   " + text(i.get("name"))));
        a.get(1).forEach(i -> out.add("secondary " + text(i.get("name"))));
        return new AnswerText(null, out);
    }

    private static AnswerText dataCollectors(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            long micros = e.getValue().get("interval").asLong();
            out.add(e.getKey() + ": " + (e.getValue().get("active").asBoolean() ? "active" : "inactive") + ", every "
                    + new BigDecimal(micros).movePointLeft(6).stripTrailingZeros().toPlainString() + " s");
        }
        return new AnswerText(null, out);
    }

    private static AnswerText lines(JsonNode a, Function<JsonNode, String> line) {
        if (!a.isArray()) {
            throw new IllegalArgumentException("not a list");
        }
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(line.apply(e)));
        return new AnswerText(null, out);
    }

    private static AnswerText json(JsonNode a) {
        try {
            return new AnswerText(null, List.of(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a).split("\\R")));
        } catch (JsonProcessingException e) {
            return value(a.toString());
        }
    }

    private static AnswerText value(String v) {
        return new AnswerText(v, List.of());
    }

    private static String text(JsonNode n) {
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("not a string");
        }
        return n.asText();
    }
}
