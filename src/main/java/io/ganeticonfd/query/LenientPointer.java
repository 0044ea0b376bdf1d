package io.ganeticonfd.query;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSON pointers as Ganeti's daemon reads them: {@code ~0} and {@code ~1} escapes; parsing stops
 * silently at an invalid escape, keeping the tokens read so far; array indexes use the decimal
 * digits at the start of a token. There is no pointer to the whole document.
 */
final class LenientPointer {

    private static final int MAX_INDEX_DIGITS = 9;

    private LenientPointer() {
    }

    /** The tokens of {@code pointer}, or null if it does not start with a slash. */
    static List<String> parse(String pointer) {
        if (pointer.isEmpty() || pointer.charAt(0) != '/') {
            return null;
        }
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = pointer.length();
        while (i < n && pointer.charAt(i) == '/') {
            i++;
            StringBuilder token = new StringBuilder();
            while (i < n && pointer.charAt(i) != '/') {
                char c = pointer.charAt(i);
                if (c != '~') {
                    token.append(c);
                    i++;
                } else if (i + 1 < n && (pointer.charAt(i + 1) == '0' || pointer.charAt(i + 1) == '1')) {
                    token.append(pointer.charAt(i + 1) == '0' ? '~' : '/');
                    i += 2;
                } else {
                    tokens.add(token.toString());
                    return tokens;
                }
            }
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** The value {@code tokens} lead to in {@code document}, or null. */
    static JsonNode resolve(JsonNode document, List<String> tokens) {
        JsonNode node = document;
        for (String token : tokens) {
            if (node.isObject()) {
                node = node.get(token);
            } else if (node.isArray()) {
                int index = leadingIndex(token);
                node = index < 0 ? null : node.get(index);
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static int leadingIndex(String token) {
        int digits = 0;
        while (digits < token.length() && token.charAt(digits) >= '0' && token.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        int start = 0;
        while (start < digits - 1 && token.charAt(start) == '0') {
            start++;
        }
        return digits - start > MAX_INDEX_DIGITS ? -1 : Integer.parseInt(token, start, digits, 10);
    }
}
