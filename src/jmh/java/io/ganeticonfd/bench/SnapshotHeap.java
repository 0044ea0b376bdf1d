package io.ganeticonfd.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigException;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;

/**
 * Retained heap of one snapshot: used heap after full GCs, before and while holding one parsed,
 * prepared and finished snapshot (every entry serialized, the file's bytes released: what the
 * daemon holds once a reload has settled), compared with the file size. Prints one line per config
 * named on the command line ({@code small}, {@code large}, {@code huge}; default: all). With
 * {@code -Dbench.hold=S} it then holds the last snapshot for S seconds, printing its PID, so that
 * {@code jcmd PID GC.class_histogram} can break the heap down.
 *
 * <pre>
 * java -cp target/benchmarks.jar io.ganeticonfd.bench.SnapshotHeap [huge ...]
 * </pre>
 */
public final class SnapshotHeap {

    private static final int ROUNDS = 3;

    private SnapshotHeap() {}

    public static void main(String[] args) throws ConfigException, InterruptedException {
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
        long hold = Long.getLong("bench.hold", 0);
        if (hold > 0) {
            PreparedAnswers held =
                    parseAndPrepare(BenchConfigs.valueOf(names[names.length - 1].toUpperCase(Locale.ROOT)));
            usedAfterGc();
            System.out.println(
                    "holding one snapshot, pid " + ProcessHandle.current().pid());
            Thread.sleep(hold * 1000);
            System.out.println(held.snapshot().nodes().size() + " nodes held");
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
        s.finish();
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
