package io.ganeticonfd.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.ganeticonfd.config.ReloadOutcome;
import io.ganeticonfd.protocol.RejectReason;
import io.ganeticonfd.protocol.RequestType;

/**
 * Finds what a PromQL expression refers to that the daemon does not expose: unknown
 * {@code confd_*} series, labels a series does not carry, and tag values no enum produces.
 */
final class PromQlReferences {

    /** Labels Prometheus adds to every series of a target (the PodMonitor adds node). */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance", "node", "namespace", "pod", "container");

    private static final Pattern METRIC = Pattern.compile("\\b(confd_[a-z0-9_]+)\\b");
    private static final Pattern SELECTOR = Pattern.compile("\\b(confd_[a-z0-9_]+)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");

    /** Values the daemon's tags take, from the enums behind them. */
    private static final Map<String, Set<String>> TAG_VALUES = Map.of(
            "reason",
                    Arrays.stream(RejectReason.values()).map(RejectReason::tag).collect(Collectors.toSet()),
            "result",
                    Arrays.stream(ReloadOutcome.values())
                            .map(ReloadOutcome::tag)
                            .collect(Collectors.toSet()),
            "type",
                    Arrays.stream(RequestType.values())
                            .map(RequestType::cliName)
                            .collect(Collectors.toSet()));

    private final MetricCatalog catalog;

    PromQlReferences(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    /** The {@code confd_*} series an expression uses. */
    static Set<String> metrics(String expr) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Everything in {@code expr} the daemon does not expose; empty when all is well. */
    List<String> problems(String expr) {
        List<String> problems = new ArrayList<>();
        Set<String> used = metrics(expr);
        Set<String> known = new LinkedHashSet<>(TARGET_LABELS);
        for (String name : used) {
            if (!catalog.has(name)) {
                problems.add("unknown series " + name);
            }
            known.addAll(catalog.labels(name));
        }
        Matcher s = SELECTOR.matcher(expr);
        while (s.find()) {
            Set<String> labels = new LinkedHashSet<>(TARGET_LABELS);
            labels.addAll(catalog.labels(s.group(1)));
            Matcher m = MATCHER.matcher(s.group(2));
            while (m.find()) {
                String label = m.group(1);
                String value = m.group(3);
                if (!labels.contains(label)) {
                    problems.add(s.group(1) + " has no label " + label);
                } else if (m.group(2).equals("=")
                        && !value.startsWith("$")
                        && TAG_VALUES.containsKey(label)
                        && !TAG_VALUES.get(label).contains(value)) {
                    problems.add(s.group(1) + ": no " + label + " is \"" + value + "\" (known: " + TAG_VALUES.get(label)
                            + ")");
                }
            }
        }
        Matcher g = GROUPING.matcher(expr);
        while (g.find()) {
            for (String label : g.group(2).split(",")) {
                String l = label.trim();
                if (!l.isEmpty() && !known.contains(l)) {
                    problems.add(g.group(1) + " (" + l + "): no series of the expression has that label");
                }
            }
        }
        return problems;
    }
}
