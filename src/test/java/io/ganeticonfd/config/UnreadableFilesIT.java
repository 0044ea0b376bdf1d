package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.support.ClusterFiles;
import io.ganeticonfd.support.DaemonProcess;
import io.ganeticonfd.support.QueryStream;
import io.ganeticonfd.support.UdpTestClient;
import io.ganeticonfd.support.Unprivileged;

/**
 * A config or key file the daemon may not read (as an operator's copy with mode 600 under another
 * user would be): the last good snapshot and key keep serving, the failure is reported (log,
 * /status, /q/health/well), and fixing the permissions alone gets the new file loaded, while a
 * stream of queries goes unanswered never and sees the serial only go up. The
 * packaged daemon runs as user nobody when the tests run as root (permissions do not stop root),
 * once following file-system events and once with the periodic check only.
 */
class UnreadableFilesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HmacKey KEY = ConformanceVectors.key("testsuite-2.16");
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @ParameterizedTest(name = "file-events={0}")
    @ValueSource(booleans = {true, false})
    void keepsServingAndLoadsTheFilesOnceTheyAreReadable(boolean fileEvents) throws Exception {
        assumeTrue(Unprivileged.available(), "running as root without setpriv: cannot drop privileges");
        Path dir = ClusterFiles.newClusterDir(601);
        Path config = dir.resolve("config.data");
        Path keyFile = dir.resolve("hmac.key");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Unprivileged.handOver(dir, config, keyFile);
        int port = DaemonProcess.freeUdpPort();
        int httpPort = DaemonProcess.freeTcpPort();
        try (DaemonProcess daemon = Unprivileged.start(
                List.of("-Dconfd.reload.file-events=" + fileEvents),
                "-f",
                "--config-file",
                config.toString(),
                "--hmac-key-file",
                keyFile.toString(),
                "-p",
                Integer.toString(port),
                "-b",
                "127.0.0.1",
                "--http-port",
                Integer.toString(httpPort))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> masterSerial(port, KEY) == 601);
            await().atMost(BOUND)
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(status(httpPort)
                                    .path("configFile")
                                    .path("watchMode")
                                    .asText())
                            .isEqualTo(fileEvents ? "watch" : "poll"));
            try (QueryStream stream = new QueryStream(port, KEY)) {
                changeBothFilesUnreadableThenFixThem(daemon, config, keyFile, port, httpPort);
                stream.close();
                assertThat(stream.answered()).isPositive();
                assertThat(stream.unanswered()).as("queries unanswered").isZero();
                assertThat(stream.errors()).as("error replies").isZero();
                assertThat(stream.serialsSeen()).containsExactly(601L, 602L);
            }
        }
    }

    /** The config, then the key, replaced by an unreadable file, then made readable. */
    private void changeBothFilesUnreadableThenFixThem(
            DaemonProcess daemon, Path config, Path keyFile, int port, int httpPort) throws IOException {
        // The next config arrives unreadable: 601 keeps serving, the failure is reported.
        replaceUnreadable(config, ClusterFiles.withSerial(602));
        await().atMost(BOUND)
                .until(() -> status(httpPort).path("lastError").asText().endsWith(": permission denied"));
        assertThat(masterSerial(port, KEY)).isEqualTo(601);
        assertThat(status(httpPort).path("configFile").path("ok").asBoolean()).isFalse();
        assertThat(wellness(httpPort)).isEqualTo(503);
        assertThat(daemon.output())
                .contains("Cannot load configuration from " + config
                        + ": permission denied; still serving cluster serial 601")
                .doesNotContain("\tat ");

        // Fixing the permissions is enough.
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        await().atMost(BOUND).until(() -> masterSerial(port, KEY) == 602);
        assertThat(status(httpPort).path("configFile").path("ok").asBoolean()).isTrue();
        assertThat(wellness(httpPort)).isEqualTo(200);

        // The same for the key: the current key keeps working until the new one can be read.
        byte[] nextBytes = ("next-key-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        HmacKey next = HmacKey.of(nextBytes);
        replaceUnreadable(keyFile, nextBytes);
        await().atMost(BOUND)
                .until(() -> "permission denied"
                        .equals(status(httpPort).path("hmacKey").path("error").asText()));
        assertThat(masterSerial(port, KEY)).isEqualTo(602);
        assertThat(masterSerial(port, next)).isEqualTo(-1);

        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        await().atMost(BOUND).until(() -> masterSerial(port, next) == 602);
        JsonNode key = status(httpPort).path("hmacKey");
        assertThat(key.path("fingerprint").asText()).isEqualTo(next.fingerprint());
        assertThat(key.path("previousFingerprint").asText()).isEqualTo(KEY.fingerprint());
        assertThat(key.path("error").isNull()).isTrue();
        assertThat(masterSerial(port, KEY))
                .as("the previous key, within its grace period")
                .isEqualTo(602);
    }

    /** Writes {@code data} to a new file with no permissions at all and renames it over {@code file}. */
    private static void replaceUnreadable(Path file, byte[] data) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".new");
        Files.write(tmp, data);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("---------"));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static long masterSerial(int port, HmacKey key) {
        return UdpTestClient.okSerial(
                UdpTestClient.askOnce(port, key, RequestType.CLUSTER_MASTER, Duration.ofSeconds(5)));
    }

    private JsonNode status(int httpPort) {
        try {
            return JSON.readTree(get(httpPort, "/status").body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int wellness(int httpPort) {
        return get(httpPort, "/q/health/well").statusCode();
    }

    private HttpResponse<String> get(int httpPort, String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
