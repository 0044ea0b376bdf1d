package io.ganeticonfd.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigException;
import io.ganeticonfd.config.ConfigParser;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;

/**
 * Building a snapshot: {@code parse} is {@link ConfigParser#parse} of the file's bytes;
 * {@code parseAndPrepare} adds {@link QueryEngine#prepare}, i.e. what a reload costs before the atomic
 * swap (the file read aside). Default: the 1000-node / 10000-instance config (18 MB, generated on
 * first use). The retained heap of one snapshot is measured by {@link SnapshotHeap}.
 *
 * <pre>
 * ./mvnw -B -Pjmh package -DskipTests &amp;&amp; java -jar target/benchmarks.jar Snapshot -prof gc
 * java -cp target/benchmarks.jar io.ganeticonfd.bench.SnapshotHeap
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g"})
public class SnapshotBenchmark {

    @Param({"huge"})
    public String cluster;

    private byte[] data;
    private ConfigParser parser;
    private QueryEngine engine;

    @Setup
    public void setUp() {
        data = BenchConfigs.valueOf(cluster.toUpperCase(java.util.Locale.ROOT)).bytes();
        parser = BenchConfigs.parser();
        engine = new QueryEngine();
    }

    @Benchmark
    public ClusterSnapshot parse() throws ConfigException {
        return parser.parse(data);
    }

    @Benchmark
    public PreparedAnswers parseAndPrepare() throws ConfigException {
        return engine.prepare(parser.parse(data));
    }
}
