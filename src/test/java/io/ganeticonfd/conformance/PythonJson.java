package io.ganeticonfd.conformance;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON text as Python's {@code json.dumps} writes it by default, so datagram sizes match the recordings. */
final class PythonJson {

    private PythonJson() {}

    static String dumps(Map<String, JsonNode> object, boolean ascii) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> e : object.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            string(e.getKey(), ascii, sb);
            sb.append(": ");
            value(e.getValue(), ascii, sb);
        }
        return sb.append('}').toString();
    }

    private static void value(JsonNode v, boolean ascii, StringBuilder sb) {
        if (v.isTextual()) {
            string(v.asText(), ascii, sb);
        } else if (v.isArray()) {
            sb.append('[');
            for (int i = 0; i < v.size(); i++) {
                sb.append(i > 0 ? ", " : "");
                value(v.get(i), ascii, sb);
            }
            sb.append(']');
        } else if (v.isObject()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(first ? "" : ", ");
                first = false;
                string(e.getKey(), ascii, sb);
                sb.append(": ");
                value(e.getValue(), ascii, sb);
            }
            sb.append('}');
        } else {
            sb.append(v.asText());
        }
    }

    private static void string(String s, boolean ascii, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || (ascii && c > 0x7f)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
