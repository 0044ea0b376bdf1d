package io.ganeticonfd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.ganeticonfd.support.Closer;
import io.ganeticonfd.support.DevLogReceiver;

/** {@code --syslog} decided before start-up: the socket when it takes records, else one warning and the console. */
class SyslogFallbackTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Closer closer = new Closer();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Map<String, String> settings(String choice, Path socket) {
        return SyslogFallback.settings(choice, socket, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String warning() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "no")
    void changesNothingWithoutSyslog(String choice) {
        assertThat(settings(choice, dir.resolve("missing"))).isEmpty();
        assertThat(warning()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "only"})
    void keepsSyslogOnTheSocketItChecked(String choice) {
        Path socket = dir.resolve("log");
        closer.track(DevLogReceiver.bind(socket));

        assertThat(settings(choice, socket)).containsExactly(entry("confd.log.syslog-socket", socket.toString()));
        assertThat(warning()).isEmpty();
    }

    @Test
    void logsOnlyToTheConsoleWhenThePathIsMissing() {
        Path socket = dir.resolve("log");

        assertThat(settings("yes", socket))
                .containsOnly(entry("confd.log.syslog", "false"), entry("quarkus.log.console.enabled", "true"));
        assertThat(warning())
                .isEqualTo("ganeti-confd: warning: no syslog socket at " + socket
                        + " (no such file); logging to the console only" + System.lineSeparator());
    }

    @Test
    void logsToTheConsoleInsteadWhenThePathIsNotASocket() throws IOException {
        Path file = Files.writeString(dir.resolve("log"), "");

        assertThat(settings("only", file))
                .containsOnly(entry("confd.log.syslog", "false"), entry("quarkus.log.console.enabled", "true"));
        assertThat(warning())
                .isEqualTo("ganeti-confd: warning: no syslog socket at " + file
                        + " (not a socket); logging to the console instead" + System.lineSeparator());
    }

    @Test
    void logsToTheConsoleInsteadWhenNobodyIsBoundToTheSocket() {
        Path socket = dir.resolve("log");
        DevLogReceiver.bind(socket).close();

        assertThat(settings("only", socket)).containsEntry("quarkus.log.console.enabled", "true");
        assertThat(warning())
                .isEqualTo("ganeti-confd: warning: no syslog socket at " + socket
                        + " (connection refused); logging to the console instead" + System.lineSeparator());
    }

    @Test
    void takesTheSocketFromASystemPropertyThenTheEnvironmentElseDevLog() {
        Properties system = new Properties();
        Map<String, String> environment = Map.of("CONFD_LOG_SYSLOG_SOCKET", "/run/env-log");

        assertThat(SyslogFallback.socket(system, Map.of())).isEqualTo(Path.of("/dev/log"));
        assertThat(SyslogFallback.socket(system, environment)).isEqualTo(Path.of("/run/env-log"));
        system.setProperty("confd.log.syslog-socket", "/run/property-log");
        assertThat(SyslogFallback.socket(system, environment)).isEqualTo(Path.of("/run/property-log"));
    }
}
