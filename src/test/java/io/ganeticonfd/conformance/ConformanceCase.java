package io.ganeticonfd.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/** One line of a {@code golden.jsonl}: the query specification, the comparison rule and the expected reply (null: none). */
public record ConformanceCase(String directory, int index, JsonNode spec, String norm, JsonNode reply) {

    @Override
    public String toString() {
        return directory + "#" + index + " " + spec.path("note").asText();
    }
}
