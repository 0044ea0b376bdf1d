package io.ganeticonfd.config;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Rewrites a parsed config tree, in place, into what Ganeti's daemon serves for it: defaults of
 * optional members filled in, tag sets sorted, whole numbers written as integers, job-filter
 * operators normalized; optionally private values redacted.
 */
final class ConfigNormalizer {

    /** What redacted private values are replaced with. */
    static final String REDACTED = "<redacted>";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_LONG_DIGITS = 18;

    private final boolean redactPrivate;

    ConfigNormalizer(boolean redactPrivate) {
        this.redactPrivate = redactPrivate;
    }

    /** Normalizes the cluster object in place (whole numbers included). */
    void cluster(ObjectNode cluster) {
        wholeNumbersAsIntegers(cluster);
        sortTags(cluster);
        if (redactPrivate) {
            redactLeaves(cluster.get("osparams_private_cluster"));
        }
    }

    /** Normalizes one object of a top-level map ({@code nodes}, {@code instances}, ...) in place. */
    void entry(String section, ObjectNode object) {
        wholeNumbersAsIntegers(object);
        switch (section) {
            case "nodes" -> node(object);
            case "nodegroups" -> nodeGroup(object);
            case "networks" -> network(object);
            case "instances" -> instance(object);
            case "disks" -> disk(object);
            case "filters" -> filter(object);
            default -> sortTags(object);
        }
    }

    /** A top-level scalar or other value, with whole numbers as integers. */
    static JsonNode value(JsonNode node) {
        return wholeNumbersAsIntegers(node);
    }

    private void node(ObjectNode node) {
        sortTags(node);
        removeIfEmptyObject(node, "hv_state_static");
        removeIfEmptyObject(node, "disk_state_static");
    }

    private void nodeGroup(ObjectNode group) {
        defaultTo(group, "members", NODES.arrayNode());
        timestampsAndTags(group);
    }

    private void network(ObjectNode network) {
        timestampsAndTags(network);
    }

    private void instance(ObjectNode instance) {
        defaultTo(instance, "tags", NODES.arrayNode());
        sortTags(instance);
        for (String params : List.of("hvparams", "beparams", "osparams", "osparams_private")) {
            defaultTo(instance, params, NODES.objectNode());
        }
        if (redactPrivate) {
            redactLeaves(instance.get("osparams_private"));
        }
        JsonNode disks = instance.get("disks");
        if (disks != null && disks.isArray()) {
            disks.forEach(d -> {
                if (d instanceof ObjectNode inline) {
                    disk(inline);
                }
            });
        }
    }

    private void disk(ObjectNode disk) {
        defaultTo(disk, "children", NODES.arrayNode());
        defaultTo(disk, "iv_name", TextNode.valueOf(""));
        defaultTo(disk, "mode", TextNode.valueOf("rw"));
        sortTags(disk);
        if (redactPrivate && Disks.isDrbd(disk) && disk.get("logical_id") instanceof ArrayNode id && id.size() > 5) {
            id.set(5, TextNode.valueOf(REDACTED));
        }
        disk.get("children").forEach(child -> {
            if (child instanceof ObjectNode c) {
                disk(c);
            }
        });
    }

    private void filter(ObjectNode filter) {
        JsonNode predicates = filter.get("predicates");
        if (predicates != null && predicates.isArray()) {
            predicates.forEach(p -> {
                if (p instanceof ArrayNode pair && pair.size() > 1) {
                    normalizeOperators(pair.get(1));
                }
            });
        }
    }

    /** Ganeti's filter expressions spell equality {@code ==}; files may say {@code =}. */
    private static void normalizeOperators(JsonNode expression) {
        if (expression instanceof ArrayNode e && e.size() > 0 && e.get(0).isTextual()) {
            String op = e.get(0).asText();
            if (op.equals("=")) {
                e.set(0, TextNode.valueOf("=="));
            } else if (op.equals("and") || op.equals("or") || op.equals("not")) {
                for (int i = 1; i < e.size(); i++) {
                    normalizeOperators(e.get(i));
                }
            }
        }
    }

    private static void timestampsAndTags(ObjectNode object) {
        defaultTo(object, "ctime", NODES.numberNode(0));
        defaultTo(object, "mtime", NODES.numberNode(0));
        defaultTo(object, "tags", NODES.arrayNode());
        sortTags(object);
    }

    private static void sortTags(ObjectNode object) {
        if (object.get("tags") instanceof ArrayNode tags) {
            TreeSet<String> sorted = new TreeSet<>();
            for (JsonNode t : tags) {
                if (!t.isTextual()) {
                    return;
                }
                sorted.add(t.asText());
            }
            ArrayNode out = NODES.arrayNode(sorted.size());
            sorted.forEach(out::add);
            object.set("tags", out);
        }
    }

    private void redactLeaves(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject()) {
                    redactLeaves(e.getValue());
                } else {
                    e.setValue(TextNode.valueOf(REDACTED));
                }
            }
        }
    }

    /** Replaces every whole-valued decimal (e.g. {@code 5000000.0}) by an integer node. */
    private static JsonNode wholeNumbersAsIntegers(JsonNode node) {
        if (node.isContainerNode()) {
            if (node instanceof ObjectNode object) {
                object.fields().forEachRemaining(e -> e.setValue(wholeNumbersAsIntegers(e.getValue())));
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, wholeNumbersAsIntegers(array.get(i)));
                }
            }
            return node;
        }
        if (node.isBigDecimal() || node.isDouble() || node.isFloat()) {
            BigDecimal value = node.decimalValue();
            if (value.signum() == 0) {
                return NODES.numberNode(0L);
            }
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= MAX_LONG_DIGITS) {
                return NODES.numberNode(stripped.longValueExact());
            }
        }
        return node;
    }

    private static void defaultTo(ObjectNode object, String member, JsonNode value) {
        if (!object.has(member) || object.get(member).isNull()) {
            object.set(member, value);
        }
    }

    private static void removeIfEmptyObject(ObjectNode object, String member) {
        JsonNode v = object.get(member);
        if (v != null && v.isObject() && v.isEmpty()) {
            object.remove(member);
        }
    }

    /** The text of a node, or null when absent or JSON null. */
    static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
