package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options shipped in the launcher, the systemd defaults, the image and the DaemonSet are one
 * set (docs/benchmarks.md, "Memory, start-up and GC"): G1 giving unused heap back, a small initial heap,
 * collections preferred to heap growth, the C heap trimmed, two malloc arenas; the launcher drops the trim
 * option for JVMs that lack it and uses an AppCDS archive beside the jar.
 */
class JvmOptionsTest {

    /** What every place ships; the heap's upper bound differs (fixed, or a share of the container's limit). */
    static final List<String> COMMON = List.of(
            "-Xms32m",
            "-XX:+UseG1GC",
            "-XX:G1PeriodicGCInterval=10000",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-XX:GCTimeRatio=2",
            "-XX:TrimNativeHeapInterval=1000",
            "-XX:+ExitOnOutOfMemoryError");

    /** Options that keep memory the daemon no longer needs, or that the measurement replaced. */
    static final List<String> DROPPED = List.of(
            "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC", "-XX:+UseSerialGC", "InitialRAMPercentage", "-Xms512m");

    @Test
    void launcherAndSystemdDefaultsShipTheSameOptions() throws IOException {
        String launcher = launcherDefault();
        assertOptions(launcher);
        assertThat(launcher).contains("-Xmx512m");
        String defaults = Files.readString(Path.of("deploy/systemd/ganeti-confd.default"));
        assertThat(defaults).contains("#JAVA_OPTS=" + launcher + "\n").contains("(default: " + launcher + ")");
    }

    @Test
    void imageAndDaemonSetShipTheSameOptionsWithAShareOfTheLimit() throws IOException {
        Matcher image = Pattern.compile("JAVA_OPTS=\"([^\"]+)\"")
                .matcher(Files.readString(Path.of("src/main/docker/Dockerfile.jvm")));
        assertThat(image.find()).isTrue();
        assertOptions(image.group(1));
        assertThat(image.group(1)).contains("-XX:MaxRAMPercentage=50.0");

        String daemonSet = Files.readString(Path.of("deploy/kubernetes/base/daemonset.yaml"));
        Matcher block = Pattern.compile("name: JAVA_OPTS\\s+value: >-\\s+((?:\\s*-\\S+)+)")
                .matcher(daemonSet);
        assertThat(block.find()).isTrue();
        String options = block.group(1).trim().replaceAll("\\s+", " ");
        assertOptions(options);
        assertThat(options).isEqualTo(image.group(1));
    }

    @Test
    void everyPlaceKeepsTwoMallocArenas() throws IOException {
        assertThat(Files.readString(Path.of("bin/ganeti-confd")))
                .contains("export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}\n");
        assertThat(Files.readString(Path.of("deploy/systemd/ganeti-confd.default")))
                .contains("#MALLOC_ARENA_MAX=2\n");
        assertThat(Files.readString(Path.of("src/main/docker/Dockerfile.jvm"))).contains("    MALLOC_ARENA_MAX=2 \\\n");
    }

    @Test
    void launcherDropsTheTrimOptionForJvmsWithoutItAndAddsTheArchiveBesideTheJar(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("quarkus-run.jar"));
        for (String version : List.of("17.0.8", "17", "19.0.2", "21.0.0")) {
            assertThat(javaCommand(dir, version, jar)).doesNotContain("TrimNativeHeapInterval");
        }
        for (String version : List.of("17.0.9", "17.0.15", "21.0.1", "25")) {
            assertThat(javaCommand(dir, version, jar))
                    .contains("-XX:TrimNativeHeapInterval=1000")
                    .doesNotContain("SharedArchiveFile");
        }
        Files.createFile(dir.resolve("app-cds.jsa"));
        assertThat(javaCommand(dir, "17.0.15", jar))
                .contains("-XX:SharedArchiveFile=" + dir.resolve("app-cds.jsa") + " -jar " + jar)
                .startsWith("MALLOC_ARENA_MAX=2 ");
    }

    /** What the launcher runs for --version, with a stand-in java that prints its environment and arguments. */
    private static String javaCommand(Path dir, String version, Path jar) throws Exception {
        Path home = dir.resolve("jdk-" + version);
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(
                java,
                "#!/bin/sh\n"
                        + "if [ \"$1\" = -version ]; then echo 'openjdk version \"" + version
                        + "\" 2025-04-15' >&2; exit 0; fi\n"
                        + "echo \"MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX $*\"\n");
        java.toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("bash", "bin/ganeti-confd", "--version").redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", home.toString());
        pb.environment().put("CONFD_JAR", jar.toString());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("MALLOC_ARENA_MAX");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static String launcherDefault() throws IOException {
        Matcher m = Pattern.compile("read -r -a java_opts <<<\"\\$\\{JAVA_OPTS-(.*)}\"")
                .matcher(Files.readString(Path.of("bin/ganeti-confd")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static void assertOptions(String options) {
        assertThat(List.of(options.split(" "))).containsAll(COMMON);
        for (String dropped : DROPPED) {
            assertThat(options).doesNotContain(dropped);
        }
    }
}
