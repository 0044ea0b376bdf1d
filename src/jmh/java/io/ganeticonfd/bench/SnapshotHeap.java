package io.ganeticonfd.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigException;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;

/**
 * Retained heap of one snapshot: used heap after full GCs, before and while holding one parsed and
 * prepared snapshot (the file's bytes released), compared with the file size. Prints one line per
 * config named on the command line ({@code small}, {@code large}, {@code huge}; default: all).
 *
 * <pre>
 * java -cp target/benchmarks.jar io.ganeticonfd.bench.SnapshotHeap [huge ...]
 * </pre>
 */
public final class SnapshotHeap {

    private static final int ROUNDS = 3;

    private SnapshotHeap() {}

    public static void main(String[] args) throws ConfigException {
        String[] names = args.length > 0 ? args : new String[] {"small", "large", "huge"};
        System.out.println("config  file_bytes  retained_bytes  ratio");
        for (String name : names) {
            BenchConfigs config = BenchConfigs.valueOf(name.toUpperCase(Locale.ROOT));
            long fileBytes = config.bytes().length;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < ROUNDS; i++) {
                best = Math.min(best, retained(config));
            }
            System.out.printf(
                    Locale.ROOT, "%-6s  %10d  %14d  %.2f%n", name, fileBytes, best, (double) best / fileBytes);
        }
    }

    private static long retained(BenchConfigs config) throws ConfigException {
        long before = usedAfterGc();
        PreparedAnswers prepared = parseAndPrepare(config);
        long after = usedAfterGc();
        if (prepared.snapshot().nodes().isEmpty()) {
            throw new IllegalStateException("empty snapshot");
        }
        return after - before;
    }

    private static PreparedAnswers parseAndPrepare(BenchConfigs config) throws ConfigException {
        ClusterSnapshot s = BenchConfigs.parser().parse(config.bytes());
        PreparedAnswers prepared = new QueryEngine().prepare(s);
        return prepared;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
