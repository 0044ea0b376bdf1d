package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The JVM options shipped in the launcher, the systemd defaults, the image and the DaemonSet are one
 * set (docs/benchmarks.md, "Memory, start-up and GC"): G1 giving unused heap back, a small initial heap.
 */
class JvmOptionsTest {

    /** What every place ships; the heap's upper bound differs (fixed, or a share of the container's limit). */
    static final List<String> COMMON = List.of(
            "-Xms32m",
            "-XX:+UseG1GC",
            "-XX:G1PeriodicGCInterval=10000",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
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
