package io.ganeticonfd.conformance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** Compares a reply with a recorded one under the rules of the conformance README. */
public final class GoldenComparator {

    private static final Set<String> TIME_KEYS = Set.of("ctime", "mtime");

    private GoldenComparator() {}

    /** Null when {@code actual} conforms to {@code expected} under {@code norm}; otherwise why not. */
    public static String mismatch(ConformanceCase c, JsonNode actual) {
        JsonNode expected = c.reply();
        if (expected == null || actual == null) {
            return expected == actual ? null : (expected == null ? "unexpected reply " + actual : "no reply");
        }
        if (expected.get("status").asInt() != actual.path("status").asInt(-1)) {
            return "status " + actual.path("status") + " != " + expected.get("status") + " in " + actual;
        }
        if (c.norm().equals("status_only") || expected.get("status").asInt() != 0) {
            return null;
        }
        for (String field : new String[] {"protocol", "serial"}) {
            if (!canon(expected.get(field), null).equals(canon(actual.get(field), null))) {
                return field + " " + actual.get(field) + " != " + expected.get(field);
            }
        }
        if (!canonAnswer(c, expected.get("answer")).equals(canonAnswer(c, actual.get("answer")))) {
            return "answer differs (" + c.norm() + "): " + truncate(actual.get("answer")) + " != "
                    + truncate(expected.get("answer"));
        }
        return null;
    }

    private static Object canonAnswer(ConformanceCase c, JsonNode answer) {
        if (c.norm().equals("unordered") && answer.isArray()) {
            return bag(answer);
        }
        if (c.norm().equals("unordered_each") && answer.isArray()) {
            List<Object> pair = new ArrayList<>();
            answer.forEach(x -> pair.add(x.isArray() ? bag(x) : canon(x, null)));
            return pair;
        }
        String key = null;
        JsonNode q = c.spec().get("query");
        if (c.spec().path("type").asInt(-1) == 10 && q != null && q.isTextual()) {
            String p = q.asText();
            key = p.substring(p.lastIndexOf('/') + 1);
        }
        return canon(answer, key);
    }

    private static List<String> bag(JsonNode list) {
        List<String> items = new ArrayList<>();
        list.forEach(x -> items.add(canon(x, null).toString()));
        items.sort(null);
        return items;
    }

    private static Object canon(JsonNode v, String key) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isBoolean()) {
            return "bool:" + v.asBoolean();
        }
        if (v.isNumber()) {
            if (key != null && TIME_KEYS.contains(key)) {
                return "time:" + (long) Math.rint(v.asDouble() * 1_000_000);
            }
            BigDecimal d =
                    v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : BigDecimal.valueOf(v.doubleValue());
            return "num:" + d.stripTrailingZeros().toPlainString();
        }
        if (v.isTextual()) {
            return "str:" + v.asText();
        }
        if (v.isArray()) {
            List<Object> items = new ArrayList<>();
            v.forEach(x -> items.add(canon(x, null)));
            if ("tags".equals(key)) {
                TreeSet<String> set = new TreeSet<>();
                items.forEach(i -> set.add(i.toString()));
                return List.copyOf(set);
            }
            return items;
        }
        Map<String, Object> m = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), canon(e.getValue(), e.getKey()));
        }
        return m;
    }

    private static String truncate(JsonNode v) {
        String s = String.valueOf(v);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
