package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.support.DaemonProcess;

/**
 * The README's first command as a newcomer runs it: {@code java -jar target/quarkus-app/quarkus-run.jar --demo}
 * on the default ports, then the {@code query --demo} commands the README and the daemon's own log line
 * suggest, answered from the bundled demo cluster.
 */
class ReadmeQuickStartIT {

    private static final int UDP_PORT = 1814;
    private static final int HTTP_PORT = 8814;

    @Test
    void theDemoServesTheBundledClusterAndQueryDemoAsksIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme.lines().limit(6))
                .anyMatch(l -> l.contains("java -jar target/quarkus-app/quarkus-run.jar --demo"));
        assertThat(readme).contains("java -jar target/quarkus-app/quarkus-run.jar query --demo master");
        assumeTrue(
                free(UDP_PORT, HTTP_PORT),
                "UDP port 1814 or TCP port 8814 is taken on this host: the README's"
                        + " command cannot run here as written");

        try (DaemonProcess demo = DaemonProcess.start("--demo")) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> demo.output().contains("DEMO cluster served")
                            || !demo.process().isAlive());
            assertThat(demo.output())
                    .as("it logs how to query it")
                    .contains("try: java -jar target/quarkus-app/quarkus-run.jar query --demo --port 1814 master");

            DaemonProcess.Result master = DaemonProcess.run("query", "--demo", "master");
            assertThat(master.exitCode()).as(master.output()).isZero();
            assertThat(master.output()).contains("master: node1.demo.example").contains("1/1 peers answered");

            DaemonProcess.Result role = DaemonProcess.run("query", "--demo", "node-role", "node2.demo.example");
            assertThat(role.exitCode()).as(role.output()).isZero();
            assertThat(role.output()).contains("node-role node2.demo.example:");

            DaemonProcess.Result name = DaemonProcess.run("query", "--demo", "config", "/cluster/cluster_name");
            assertThat(name.exitCode()).as(name.output()).isZero();
            String clusterName = new ObjectMapper()
                    .readTree(Path.of("src/main/resources/demo/config.data").toFile())
                    .path("cluster")
                    .path("cluster_name")
                    .asText();
            assertThat(name.output()).contains("config /cluster/cluster_name: " + clusterName + " (serial");
        }
    }

    private static boolean free(int udp, int tcp) {
        try (DatagramSocket u = new DatagramSocket(new InetSocketAddress(udp));
                ServerSocket t = new ServerSocket(tcp)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
