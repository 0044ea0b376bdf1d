package io.ganeticonfd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.ganeticonfd.support.Closer;
import io.ganeticonfd.support.ClusterFiles;
import io.ganeticonfd.support.DaemonProcess;
import io.ganeticonfd.support.DevLogReceiver;

/** The packaged jar with {@code --syslog}: its start-up line in the test's syslog socket, or on the console. */
class SyslogIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final Closer closer = new Closer();

    private static DaemonProcess start(Path socket, String syslog, int port) {
        Path cluster = ClusterFiles.newClusterDir(7);
        return DaemonProcess.startWithJvmOptions(
                List.of("-Dconfd.log.syslog-socket=" + socket),
                "-f",
                "--syslog",
                syslog,
                "--config-file",
                cluster.resolve("config.data").toString(),
                "--hmac-key-file",
                cluster.resolve("hmac.key").toString(),
                "-p",
                Integer.toString(port),
                "-b",
                "127.0.0.1",
                "--http-port",
                Integer.toString(DaemonProcess.freeTcpPort()));
    }

    @Test
    void syslogOnlySendsTheStartUpLineToTheSocketAsGlibcWouldAndNothingToTheConsole() {
        Path socket = dir.resolve("log");
        DevLogReceiver syslog = closer.track(DevLogReceiver.bind(socket));
        int port = DaemonProcess.freeUdpPort();

        try (DaemonProcess daemon = start(socket, "only", port)) {
            Pattern startUp = Pattern.compile("<30>[A-Z][a-z]{2} [ 123]\\d \\d\\d:\\d\\d:\\d\\d ganeti-confd\\["
                    + daemon.process().pid()
                    + "\\]: INFO  \\[io\\.ga\\.se\\.DaemonLifecycle\\] Answering confd queries on UDP \\[127\\.0\\.0\\.1\\]:"
                    + port
                    + " with \\d+ socket\\(s\\).*");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(syslog.records())
                            .anyMatch(r -> startUp.matcher(r).matches()));
            assertThat(syslog.records()).allMatch(r -> !r.contains("\n"));
            assertThat(daemon.output())
                    .doesNotContain("Answering confd queries")
                    .doesNotContain("warning");
        }
    }

    @Test
    void syslogYesWithoutASocketWarnsOnceAndLogsToTheConsole() {
        Path socket = dir.resolve("log");

        try (DaemonProcess daemon = start(socket, "yes", DaemonProcess.freeUdpPort())) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(daemon.output()).contains("Answering confd queries"));
            assertThat(daemon.output())
                    .containsOnlyOnce("ganeti-confd: warning: no syslog socket at " + socket
                            + " (no such file); logging to the console only");
        }
    }
}
