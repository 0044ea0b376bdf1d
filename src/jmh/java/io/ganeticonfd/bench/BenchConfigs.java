package io.ganeticonfd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigException;
import io.ganeticonfd.config.ConfigParser;
import io.ganeticonfd.protocol.HmacKey;

/**
 * The configurations the benchmarks run on. {@code small} is the recorded testsuite-2.16 config;
 * {@code large} (200 nodes, 4000 instances, 7 MB) and {@code huge} (1000 nodes, 10000 instances,
 * 18 MB) are generated once with {@code mkconfig.py} (python3) into {@code target/jmh-data} and
 * reused. Paths are relative to the project root (where the benchmarks are run from); override
 * with {@code -Dbench.mkconfig=PATH} and {@code -Dbench.data=DIR}.
 */
public enum BenchConfigs {
    /** The Ganeti testsuite 2.16 config (upgraded to 3.0) of the conformance vectors. */
    SMALL(null),
    /** 200 nodes, 4000 instances, 4 groups, seed 2. */
    LARGE(List.of("--nodes", "200", "--instances", "4000", "--groups", "4", "--seed", "2")),
    /** 1000 nodes, 10000 instances, 8 groups, seed 3. */
    HUGE(List.of("--nodes", "1000", "--instances", "10000", "--groups", "8", "--seed", "3"));

    private static final Path CONFORMANCE = Path.of("src/test/resources/conformance/testsuite-2.16");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> generatorArgs;

    BenchConfigs(List<String> generatorArgs) {
        this.generatorArgs = generatorArgs;
    }

    /** The config file, generated on first use. */
    public Path file() {
        if (generatorArgs == null) {
            return CONFORMANCE.resolve("config.data");
        }
        Path dir = Path.of(System.getProperty("bench.data", "target/jmh-data"));
        Path file = dir.resolve("config-n" + generatorArgs.get(1) + "-i" + generatorArgs.get(3) + "-g"
                + generatorArgs.get(5) + "-s" + generatorArgs.get(7) + ".data");
        if (!Files.isRegularFile(file)) {
            generate(file);
        }
        return file;
    }

    /** The config file's bytes. */
    public byte[] bytes() {
        try {
            return Files.readAllBytes(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The config parsed as the daemon parses it. */
    public ClusterSnapshot snapshot() {
        try {
            return parser().parse(bytes());
        } catch (ConfigException e) {
            throw new IllegalStateException(file() + ": " + e.getMessage(), e);
        }
    }

    /** A parser configured as the daemon's (no redaction). */
    public static ConfigParser parser() {
        return new ConfigParser(MAPPER, false);
    }

    /** The key of the conformance vectors (any key does for benchmarks). */
    public static HmacKey key() {
        try {
            return HmacKey.of(Files.readAllBytes(CONFORMANCE.resolve("hmac.key")));
        } catch (IOException e) {
            throw new UncheckedIOException("run the benchmarks from the project root", e);
        }
    }

    private void generate(Path file) {
        String script = System.getProperty("bench.mkconfig", "../shared/tools/mkconfig.py");
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "config-", ".tmp");
            List<String> cmd = new java.util.ArrayList<>(List.of("python3", script));
            cmd.addAll(generatorArgs);
            cmd.addAll(List.of("-o", tmp.toString()));
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", cmd));
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate " + file + " with " + script + " (python3 needed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
