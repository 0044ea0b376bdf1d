package io.ganeticonfd.config;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * How a member's stored value is served. Every shape serves numbers as Ganeti writes them
 * ({@link ServedNumbers}); a value of an unexpected JSON type (a file Ganeti refuses) is served as
 * it is stored.
 */
sealed interface Shape {

    /** What redacted private values are replaced with. */
    String REDACTED = "<redacted>";

    /** A scalar, list or free-form map, served as stored. */
    Shape VALUE = new Value();
    /** A tag set: sorted, duplicates removed. */
    Shape TAG_SET = new TagSet();
    /** A {@code ctime}/{@code mtime}, through Ganeti's picosecond time type. */
    Shape TIMESTAMP = new Timestamp();
    /** A free-form map of private values (redacted on request). */
    Shape PRIVATE = new Private();
    /** A disk's {@code logical_id} (a DRBD secret is redacted on request). */
    Shape LOGICAL_ID = new LogicalId();
    /** A filter rule's predicates (equality spelled {@code ==}). */
    Shape PREDICATES = new Predicates();

    /** Serves {@code value}, a member of {@code owner}. */
    JsonNode serve(JsonNode value, ObjectNode owner, boolean redact);

    /** An object of a known kind. */
    static Shape object(Supplier<ObjectModel> model) {
        return new Typed(model);
    }

    /** A list of objects of a known kind. */
    static Shape listOf(Supplier<ObjectModel> model) {
        return new ListOf(model);
    }

    /** A map of objects of a known kind (keys free). */
    static Shape mapOf(Supplier<ObjectModel> model) {
        return new MapOf(model);
    }

    /** See {@link #VALUE}. */
    record Value() implements Shape {
        @Override
        public JsonNode serve(JsonNode value, ObjectNode owner, boolean redact) {
            return ServedNumbers.wholeAsIntegers(value);
        }
    }

    /** See {@link #TAG_SET}. */
    record TagSet() implements Shape {
        @Override
        public JsonNode serve(JsonNode value, ObjectNode owner, boolean redact) {
            if (!value.isArray()) {
                return VALUE.serve(value, owner, redact);
            }
            TreeSet<String> sorted = new TreeSet<>();
            for (JsonNode t : value) {
                if (!t.isTextual()) {
                    return VALUE.serve(value, owner, redact);
                }
                sorted.add(t.asText());
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode(sorted.size());
            sorted.forEach(out::add);
            return out;
        }
    }

    /** See {@link #TIMESTAMP}. */
    record Timestamp() implements Shape {
        @Override
        public JsonNode serve(JsonNode value, ObjectNode owner, boolean redact) {
            return value.isNumber() ? ServedNumbers.timestamp(value) : value;
        }
    }

    /** See {@link #PRIVATE}. */
    record Private() implements Shape {
        @Override
        public JsonNode serve(JsonNode value, ObjectNode owner, boolean redact) {
            JsonNode served = VALUE.serve(value, owner, redact);
            if (redact) {
                redactLeaves(served);
            }
            return served;
        }

        private static void redactLeaves(JsonNode node) {
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
    }

    /** See {@link #LOGICAL_ID}. */
    record LogicalId() implements Shape {
        @Override
        public JsonNode serve(JsonNode value, ObjectNode owner, boolean redact) {
            JsonNode served = VALUE.serve(value, owner, redact);
            if (redact && Disks.isDrbd(owner) && served instanceof ArrayNode id && id.size() > 5) {
                id.set(5, TextNode.valueOf(REDACTED));
            }
            return served;
        }
    }

    /** See {@link #PREDICATES}. */
    record Predicates() implements Shape {
        @Override
        public JsonNode serve(JsonNode value, ObjectNode owner, boolean redact) {
            JsonNode served = VALUE.serve(value, owner, redact);
            served.forEach(p -> {
                if (p instanceof ArrayNode pair && pair.size() > 1) {
                    FilterOperators.normalize(pair.get(1));
                }
            });
            return served;
        }
    }

    /** See {@link #object}. */
    record Typed(Supplier<ObjectModel> model) implements Shape {
        @Override
        public JsonNode serve(JsonNode value, ObjectNode owner, boolean redact) {
            return value instanceof ObjectNode o ? model.get().serve(o, redact) : VALUE.serve(value, owner, redact);
        }
    }

    /** See {@link #listOf}. */
    record ListOf(Supplier<ObjectModel> model) implements Shape {
        @Override
        public JsonNode serve(JsonNode value, ObjectNode owner, boolean redact) {
            if (!value.isArray()) {
                return VALUE.serve(value, owner, redact);
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode(value.size());
            value.forEach(e -> out.add(e instanceof ObjectNode o ? model.get().serve(o, redact) : e));
            return out;
        }
    }

    /** See {@link #mapOf}. */
    record MapOf(Supplier<ObjectModel> model) implements Shape {
        @Override
        public JsonNode serve(JsonNode value, ObjectNode owner, boolean redact) {
            if (!(value instanceof ObjectNode map)) {
                return VALUE.serve(value, owner, redact);
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            map.fields()
                    .forEachRemaining(e -> out.set(
                            e.getKey(),
                            e.getValue() instanceof ObjectNode o ? model.get().serve(o, redact) : e.getValue()));
            return out;
        }
    }
}
