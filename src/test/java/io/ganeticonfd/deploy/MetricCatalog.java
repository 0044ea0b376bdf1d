package io.ganeticonfd.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus series names and labels of the daemon's meters, read from the builders in
 * {@code server/ConfdMetrics.java} and named as Micrometer's Prometheus registry names them:
 * dots become underscores, the base unit is appended (timers: seconds), counters end in
 * {@code _total}, timers and summaries expose {@code _count}, {@code _sum} and {@code _max}, and
 * {@code _bucket} (label {@code le}) when they publish a histogram.
 */
final class MetricCatalog {

    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Counter|FunctionCounter|Gauge|Timer|DistributionSummary)\\.builder\\(\\s*\"([a-z0-9.]+)\"");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"([a-z]+)\"");
    private static final Pattern TAG = Pattern.compile("\\.tag\\(\\s*\"([a-z_]+)\"");

    /** Series name to its label names (target labels such as job and instance not included). */
    private final Map<String, Set<String>> series = new LinkedHashMap<>();

    private final Set<String> meters = new LinkedHashSet<>();

    private MetricCatalog(String source) {
        Matcher m = BUILDER.matcher(source);
        while (m.find()) {
            int end = source.indexOf(".register(", m.end());
            String chain = source.substring(m.end(), end);
            add(m.group(1), m.group(2), chain);
        }
    }

    /** The catalog of the daemon's meters. */
    static MetricCatalog ofConfdMetrics() {
        try {
            return new MetricCatalog(
                    Files.readString(AppFacts.ROOT.resolve("src/main/java/io/ganeticonfd/server/ConfdMetrics.java")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String kind, String dotted, String chain) {
        Matcher unit = BASE_UNIT.matcher(chain);
        String base = dotted.replace('.', '_');
        if (kind.equals("Timer")) {
            base += "_seconds";
        } else if (unit.find()) {
            base += "_" + unit.group(1);
        }
        Set<String> tags = new LinkedHashSet<>();
        Matcher t = TAG.matcher(chain);
        while (t.find()) {
            tags.add(t.group(1));
        }
        meters.add(base);
        switch (kind) {
            case "Counter", "FunctionCounter" -> put(base + "_total", tags);
            case "Gauge" -> put(base, tags);
            default -> {
                put(base + "_count", tags);
                put(base + "_sum", tags);
                put(base + "_max", tags);
                if (chain.contains("publishPercentileHistogram")) {
                    Set<String> withLe = new LinkedHashSet<>(tags);
                    withLe.add("le");
                    put(base + "_bucket", withLe);
                }
            }
        }
    }

    private void put(String name, Set<String> tags) {
        series.merge(name, tags, (a, b) -> {
            Set<String> u = new LinkedHashSet<>(a);
            u.addAll(b);
            return u;
        });
    }

    /** Whether the daemon exposes this series. */
    boolean has(String seriesName) {
        return series.containsKey(seriesName);
    }

    /** The labels of a series. */
    Set<String> labels(String seriesName) {
        return series.getOrDefault(seriesName, Set.of());
    }

    /** Every series name. */
    Set<String> seriesNames() {
        return series.keySet();
    }

    /** The meters' base names ({@code confd_request_duration_seconds}, {@code confd_drops}, ...). */
    Set<String> meterNames() {
        return meters;
    }
}
