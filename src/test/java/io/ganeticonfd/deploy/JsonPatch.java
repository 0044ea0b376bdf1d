package io.ganeticonfd.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of RFC 6902 that kustomize's JSON patches here use: test, add, replace and remove,
 * with JSON pointers (and {@code -} for "append"). A failed test throws, as kustomize fails.
 */
final class JsonPatch {

    private JsonPatch() {}

    /** {@code target} (a deep copy) with {@code operations} applied. */
    static JsonNode apply(JsonNode target, JsonNode operations) {
        JsonNode doc = target.deepCopy();
        for (JsonNode op : operations) {
            String path = op.path("path").asText();
            String verb = op.path("op").asText();
            switch (verb) {
                case "test" -> {
                    JsonNode actual = doc.at(path);
                    if (!actual.equals(op.get("value"))) {
                        throw new IllegalStateException(
                                "test failed at " + path + ": " + actual + " != " + op.get("value"));
                    }
                }
                case "add" -> add(doc, path, op.get("value").deepCopy(), false);
                case "replace" -> add(doc, path, op.get("value").deepCopy(), true);
                case "remove" -> remove(doc, path);
                default -> throw new IllegalArgumentException("unsupported op " + verb);
            }
        }
        return doc;
    }

    private static void add(JsonNode doc, String path, JsonNode value, boolean replace) {
        JsonNode parent = parent(doc, path);
        String last = lastToken(path);
        if (parent instanceof ObjectNode o) {
            if (replace && !o.has(last)) {
                throw new IllegalStateException("nothing to replace at " + path);
            }
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
                a.add(value);
            } else if (replace) {
                a.set(index(a, last, path), value);
            } else {
                a.insert(Integer.parseInt(last), value);
            }
        } else {
            throw new IllegalStateException("no container at " + path);
        }
    }

    private static void remove(JsonNode doc, String path) {
        JsonNode parent = parent(doc, path);
        String last = lastToken(path);
        if (parent instanceof ObjectNode o && o.has(last)) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(index(a, last, path));
        } else {
            throw new IllegalStateException("nothing to remove at " + path);
        }
    }

    private static JsonNode parent(JsonNode doc, String path) {
        JsonNode parent = doc.at(path.substring(0, path.lastIndexOf('/')));
        if (parent.isMissingNode()) {
            throw new IllegalStateException("no parent for " + path);
        }
        return parent;
    }

    private static String lastToken(String path) {
        return path.substring(path.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static int index(ArrayNode a, String token, String path) {
        int i = Integer.parseInt(token);
        if (i < 0 || i >= a.size()) {
            throw new IllegalStateException("index out of range at " + path);
        }
        return i;
    }
}
