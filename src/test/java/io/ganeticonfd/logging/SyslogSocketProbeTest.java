package io.ganeticonfd.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ganeticonfd.support.Closer;
import io.ganeticonfd.support.DevLogReceiver;

/** Whether the syslog socket takes records, and the reason in a few words when not. */
class SyslogSocketProbeTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void acceptsASocketSomebodyReads() {
        Path socket = dir.resolve("log");
        closer.track(DevLogReceiver.bind(socket));

        assertThat(SyslogSocketProbe.problem(socket)).isEmpty();
    }

    @Test
    void followsASymbolicLinkAsDevLogIsUnderSystemd() throws IOException {
        Path socket = dir.resolve("dev-log");
        closer.track(DevLogReceiver.bind(socket));

        assertThat(SyslogSocketProbe.problem(Files.createSymbolicLink(dir.resolve("log"), socket)))
                .isEmpty();
    }

    @Test
    void saysSoWhenThePathIsMissing() {
        assertThat(SyslogSocketProbe.problem(dir.resolve("log"))).contains("no such file");
    }

    @Test
    void saysSoWhenThePathIsNotASocket() throws IOException {
        assertThat(SyslogSocketProbe.problem(Files.writeString(dir.resolve("log"), "x")))
                .contains("not a socket");
        assertThat(SyslogSocketProbe.problem(Files.createDirectory(dir.resolve("dir"))))
                .contains("not a socket");
    }

    @Test
    void saysSoWhenNobodyIsBoundToTheSocket() {
        Path socket = dir.resolve("log");
        DevLogReceiver.bind(socket).close();

        assertThat(socket).exists();
        assertThat(SyslogSocketProbe.problem(socket)).contains("connection refused");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "connect(..) failed with error(-111): Connection refused: /dev/log | connection refused",
                "connect(..) failed: Permission denied: /dev/log | permission denied",
                "sendToAddress(..) failed: No buffer space available | no buffer space available",
                "Something else | something else"
            })
    void saysWhyInAFewWords(String message, String reason) {
        assertThat(SyslogSocketProbe.describe(new IOException(message), Path.of("/dev/log")))
                .isEqualTo(reason);
    }

    @Test
    void namesAMessagelessFailureByItsKind() {
        assertThat(SyslogSocketProbe.describe(new FileNotFoundException(), Path.of("/dev/log")))
                .isEqualTo("no such file");
        assertThat(SyslogSocketProbe.describe(new IllegalStateException(), Path.of("/dev/log")))
                .isEqualTo("IllegalStateException");
    }
}
