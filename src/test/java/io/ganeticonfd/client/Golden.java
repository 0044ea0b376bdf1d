package io.ganeticonfd.client;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.ganeticonfd.conformance.ConformanceCase;
import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.RequestType;

/** The answers Ganeti 3.0 gave, as recorded in a conformance directory's {@code golden.jsonl}. */
final class Golden {

    private static final Set<String> PLAIN_KEYS = Set.of("note", "type", "query");

    private Golden() {}

    /** The recorded OK answer to a plain request of {@code type} with this query (null: none). */
    static JsonNode answer(String directory, RequestType type, JsonNode query) {
        JsonNode wanted = query == null ? NullNode.instance : query;
        for (ConformanceCase c : ConformanceVectors.cases(directory)) {
            JsonNode spec = c.spec();
            boolean plain = true;
            for (var it = spec.fieldNames(); it.hasNext(); ) {
                plain &= PLAIN_KEYS.contains(it.next());
            }
            if (plain
                    && c.reply() != null
                    && spec.path("type").isInt()
                    && spec.get("type").asInt() == type.code()
                    && (spec.has("query") ? spec.get("query") : NullNode.instance).equals(wanted)
                    && c.reply().path("status").asInt() == 0) {
                return c.reply().get("answer");
            }
        }
        throw new IllegalArgumentException("no recorded OK answer for " + type + " " + query);
    }
}
