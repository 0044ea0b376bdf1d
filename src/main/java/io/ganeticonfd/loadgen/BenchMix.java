package io.ganeticonfd.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.cli.OptionChecks;
import io.ganeticonfd.client.RequestDescription;
import io.ganeticonfd.protocol.RequestType;

/**
 * The request mix of {@code ganeti-confd bench}: weighted entries {@code TYPE[=ARG][:WEIGHT]}, as in
 * confdload. An entry without ARG gets a default argument at start-up (see {@link MixDefaults}).
 */
record BenchMix(List<Entry> entries) {

    /** The preset {@code mixed}: performance issue #7's mix (ping, master, node role, config pointer, MC IPs). */
    static final String MIXED = "0:20,3:10,1:30,10:30,5:10";

    /** The default mix: ping only. */
    static final String DEFAULT = "0:100";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    BenchMix {
        entries = List.copyOf(entries);
    }

    /**
     * One weighted request kind. {@code arg} is the argument as given (null: the type's default);
     * with {@code raw} it is JSON text sent as the query as it is.
     */
    record Entry(RequestType type, String arg, boolean raw, double weight) {

        /** This entry with its argument set (not raw). */
        Entry withArg(String value) {
            return new Entry(type, value, false, weight);
        }

        /** The entry as it is written in a mix spec. */
        String spec() {
            String a = arg == null ? "" : "=" + (raw ? "@" : "") + arg;
            return type.code() + a + ":" + OptionChecks.text(weight);
        }
    }

    /**
     * Parses a spec: comma-separated {@code TYPE[=ARG][:WEIGHT]}, TYPE a code or name ({@code 1},
     * {@code node-role}), ARG a plain string or {@code @JSON}, WEIGHT what follows the last ':' when
     * it is a number (default 1); commas inside an {@code @JSON} argument do not split; an entry may
     * also be a preset name ({@code mixed}, {@code ping}), which stands for its entries.
     */
    static BenchMix parse(String spec) {
        List<Entry> out = new ArrayList<>();
        for (String part : split(spec.strip())) {
            String p = part.strip();
            if (p.equals("mixed") || p.equals("ping")) {
                for (String preset : (p.equals("mixed") ? MIXED : DEFAULT).split(",")) {
                    out.add(entry(preset, spec));
                }
            } else {
                out.add(entry(p, spec));
            }
        }
        return new BenchMix(out);
    }

    /** Splits at commas, except inside the JSON of an {@code =@} argument. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean json = false;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (json && inString) {
                inString = c != '"' || text.charAt(i - 1) == '\\' && !escapedBackslash(text, i - 1);
            } else if (json && c == '"') {
                inString = true;
            } else if (json && (c == '{' || c == '[')) {
                depth++;
            } else if (json && (c == '}' || c == ']')) {
                depth--;
            } else if (c == ',' && depth <= 0) {
                parts.add(cur.toString());
                cur.setLength(0);
                json = false;
                depth = 0;
                continue;
            }
            if (c == '@' && i > 0 && text.charAt(i - 1) == '=') {
                json = true;
            }
            cur.append(c);
        }
        parts.add(cur.toString());
        return parts;
    }

    /** Whether the backslash at {@code i} is itself escaped (preceded by an odd run of backslashes). */
    private static boolean escapedBackslash(String text, int i) {
        int n = 0;
        for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** The mix as a spec that {@link #parse} reads back. */
    String spec() {
        return entries.stream().map(Entry::spec).collect(Collectors.joining(","));
    }

    /** Sum of the weights. */
    double totalWeight() {
        return entries.stream().mapToDouble(Entry::weight).sum();
    }

    private static Entry entry(String part, String spec) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("--mix '" + spec + "': empty entry");
        }
        String body = part;
        double weight = 1;
        int eq = part.indexOf('=');
        int colon = part.lastIndexOf(':');
        if (colon >= 0 && (eq < 0 || colon > eq)) {
            Double w = number(part.substring(colon + 1));
            if (w != null) {
                if (!(w > 0) || w.isInfinite()) {
                    throw new IllegalArgumentException(
                            "--mix entry '" + part + "': the weight must be a positive number");
                }
                weight = w;
                body = part.substring(0, colon);
            } else if (eq < 0) {
                throw new IllegalArgumentException(
                        "--mix entry '" + part + "': bad weight '" + part.substring(colon + 1) + "'");
            }
        }
        eq = body.indexOf('=');
        String typeText = (eq < 0 ? body : body.substring(0, eq)).strip();
        RequestType type = RequestType.fromName(typeText)
                .orElseThrow(() -> new IllegalArgumentException(
                        "--mix entry '" + part + "': unknown request type '" + typeText + "'"));
        if (eq < 0) {
            return new Entry(type, null, false, weight);
        }
        String arg = body.substring(eq + 1);
        if (arg.startsWith("@")) {
            return new Entry(type, validJson(arg.substring(1), part), true, weight);
        }
        if (RequestDescription.of(type).argument() == RequestDescription.Argument.NONE) {
            throw new IllegalArgumentException("--mix entry '" + part + "': " + type.cliName()
                    + " takes no argument (use TYPE=@JSON to send any query)");
        }
        if (arg.isEmpty()) {
            throw new IllegalArgumentException("--mix entry '" + part + "': empty argument");
        }
        return new Entry(type, arg, false, weight);
    }

    private static String validJson(String json, String part) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException("no JSON value");
            }
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--mix entry '" + part + "': the query after '@' is not valid JSON");
        }
    }

    private static Double number(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
