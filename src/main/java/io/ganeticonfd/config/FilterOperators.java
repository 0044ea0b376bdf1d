package io.ganeticonfd.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Ganeti's job-filter expressions spell equality {@code ==}; files may say {@code =}. */
final class FilterOperators {

    private FilterOperators() {}

    /** Rewrites {@code =} to {@code ==} in an expression and its {@code and}/{@code or}/{@code not} operands, in place. */
    static void normalize(JsonNode expression) {
        if (expression instanceof ArrayNode e && e.size() > 0 && e.get(0).isTextual()) {
            String op = e.get(0).asText();
            if (op.equals("=")) {
                e.set(0, TextNode.valueOf("=="));
            } else if (op.equals("and") || op.equals("or") || op.equals("not")) {
                for (int i = 1; i < e.size(); i++) {
                    normalize(e.get(i));
                }
            }
        }
    }
}
