package io.ganeticonfd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.support.ClusterFiles;
import io.ganeticonfd.support.DaemonProcess;
import io.ganeticonfd.support.UdpTestClient;

/** The packaged jar's command line: Ganeti's flags, clear errors and exit codes, start-up and shutdown. */
class CommandLineIT {

    private static final HmacKey KEY = ConformanceVectors.key("testsuite-2.16");

    @Test
    void printsHelpAndExitsZero() {
        DaemonProcess.Result r = DaemonProcess.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.output())
                .contains(
                        "Usage: ganeti-confd",
                        "--port",
                        "--bind",
                        "--syslog",
                        "--hmac-key-file",
                        "Commands:",
                        "query",
                        "bench");
    }

    @Test
    void printsVersionAndExitsZero() {
        DaemonProcess.Result r = DaemonProcess.run("-V");
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).startsWith("ganeti-confd ");
    }

    @Test
    void rejectsAnUnknownFlagWithOneLineAndExitCodeTwo() {
        DaemonProcess.Result r = DaemonProcess.run("--frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output().strip())
                .isEqualTo("ganeti-confd: error: Unknown option: '--frobnicate' (see ganeti-confd --help)");
    }

    @Test
    void rejectsABadFlagOfEachSubcommandWithOneLineAndExitCodeTwo() {
        for (String command : new String[] {"query", "bench"}) {
            DaemonProcess.Result r = DaemonProcess.run(command, "--frobnicate");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.output().strip())
                    .isEqualTo("ganeti-confd: error: Unknown option: '--frobnicate' (see ganeti-confd " + command
                            + " --help)");
        }
    }

    @Test
    void printsSubcommandHelpAndExitsZero() {
        for (String command : new String[] {"query", "bench"}) {
            DaemonProcess.Result r = DaemonProcess.run(command, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.output())
                    .startsWith("Usage: ganeti-confd " + command + " [OPTIONS]")
                    .contains("-h, --help");
        }
    }

    @Test
    void rejectsABadPortWithExitCodeTwo() {
        DaemonProcess.Result r = DaemonProcess.run("-p", "99999");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output().strip()).contains("invalid port: '99999'").doesNotContain("\n");
    }

    @Test
    void exitsOneNamingAMissingKeyFile() {
        Path dir = ClusterFiles.newClusterDir(1);
        Path missing = dir.resolve("no-such.key");
        DaemonProcess.Result r = DaemonProcess.run(
                "--config-file",
                dir.resolve("config.data").toString(),
                "--hmac-key-file",
                missing.toString(),
                "-p",
                Integer.toString(DaemonProcess.freeUdpPort()),
                "-b",
                "127.0.0.1",
                "--http-port",
                Integer.toString(DaemonProcess.freeTcpPort()));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.output())
                .contains("Cannot read HMAC key file " + missing + ": key file does not exist")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void servesAfterStartAndStopsOnSigterm() throws Exception {
        Path dir = ClusterFiles.newClusterDir(4242);
        int port = DaemonProcess.freeUdpPort();
        Instant launched = Instant.now();
        try (DaemonProcess d = start(dir, port)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ping(port) != null);
            System.out.printf(
                    "first reply %d ms after launch%n",
                    Duration.between(launched, Instant.now()).toMillis());
            assertThat(masterSerial(port)).isEqualTo(4242);
            Instant stopping = Instant.now();
            d.process().destroy();
            // SIGTERM <= 2 s is the product's promise: reported here, measured by LauncherIT and the scripts
            assertThat(d.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .as("stopped on SIGTERM")
                    .isTrue();
            System.out.printf(
                    "stopped %d ms after SIGTERM%n",
                    Duration.between(stopping, Instant.now()).toMillis());
        }
        try (DaemonProcess again = start(dir, port)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ping(port) != null);
            assertThat(masterSerial(port)).as("same snapshot after a restart").isEqualTo(4242);
        }
    }

    @Test
    void answersErrorsWithoutAConfigAndServesItOnceItAppears() throws Exception {
        Path dir = ClusterFiles.newClusterDir(77);
        Path config = dir.resolve("config.data");
        byte[] good = Files.readAllBytes(config);
        Files.delete(config);
        int port = DaemonProcess.freeUdpPort();
        try (DaemonProcess d = start(dir, port)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ping(port) != null);
            assertThat(ping(port).path("status").asInt()).isEqualTo(1);
            assertThat(ping(port).path("answer").asText()).contains("Cannot load configuration from " + config);
            assertThat(d.output()).contains("Cannot load configuration from " + config + ": file does not exist");
            ClusterFiles.renameOver(config, good);
            await().atMost(Duration.ofSeconds(30)).until(() -> masterSerial(port) == 77);
        }
    }

    private static DaemonProcess start(Path dir, int port) {
        return DaemonProcess.start(
                "-f",
                "--config-file",
                dir.resolve("config.data").toString(),
                "--hmac-key-file",
                dir.resolve("hmac.key").toString(),
                "-p",
                Integer.toString(port),
                "-b",
                "127.0.0.1",
                "--http-port",
                Integer.toString(DaemonProcess.freeTcpPort()));
    }

    private static JsonNode ping(int port) {
        return ask(port, RequestType.PING);
    }

    private static long masterSerial(int port) {
        return UdpTestClient.okSerial(ask(port, RequestType.CLUSTER_MASTER));
    }

    private static JsonNode ask(int port, RequestType type) {
        // a reply normally takes well under a millisecond; 5 s is a ceiling for a loaded box
        return UdpTestClient.askOnce(port, KEY, type, Duration.ofSeconds(5));
    }
}
