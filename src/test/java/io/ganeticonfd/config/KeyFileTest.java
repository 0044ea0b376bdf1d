package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;

/** Reading {@code hmac.key}: its exact bytes, every failure as one line, and the permission warning. */
class KeyFileTest {

    @TempDir
    Path dir;

    Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("hmac.key"), content, StandardCharsets.UTF_8);
    }

    @Test
    void readsTheConformanceKeyVerbatim() throws IOException {
        Path file = Files.write(dir.resolve("hmac.key"), ConformanceVectors.read("testsuite-2.16", "hmac.key"));

        KeyFile.Read read = KeyFile.read(file);

        assertThat(read.error()).isNull();
        assertThat(read.key().sameBytes(ConformanceVectors.key("testsuite-2.16")))
                .isTrue();
    }

    @Test
    void keepsTheTrailingNewlineAsPartOfTheKey() throws IOException {
        KeyFile.Read read = KeyFile.read(write("0123456789abcdef\n"));

        assertThat(read.key().sameBytes(HmacKey.of("0123456789abcdef\n"))).isTrue();
        assertThat(read.key().sameBytes(HmacKey.of("0123456789abcdef"))).isFalse();
    }

    @Test
    void reportsAMissingFile() {
        assertThat(KeyFile.read(dir.resolve("absent.key")))
                .isEqualTo(new KeyFile.Read(null, "key file does not exist"));
    }

    @Test
    void reportsAnEmptyFile() throws IOException {
        assertThat(KeyFile.read(write(""))).isEqualTo(new KeyFile.Read(null, "key file is empty"));
    }

    @Test
    void reportsADirectoryInOneLine() {
        KeyFile.Read read = KeyFile.read(dir);

        assertThat(read.key()).isNull();
        assertThat(read.error()).startsWith("cannot read: ").doesNotContain("\n");
    }

    @Test
    void reportsAnUnreadableFile() throws IOException {
        Path file = write("secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(
                Files.isReadable(file),
                "running as root: permissions do not stop reading (UnreadableFilesIT covers this, running the jar as user nobody)");

        assertThat(KeyFile.read(file)).isEqualTo(new KeyFile.Read(null, "permission denied"));
    }

    @ParameterizedTest
    @CsvSource({
        "rw-------, false",
        "r--------, false",
        "rw-r-----, true",
        "rw----r--, true",
        "rw-rw-rw-, true",
        "-w--w--w-, false"
    })
    void warnsWhenGroupOrOthersMayRead(String permissions, boolean warned) throws IOException {
        Path file = write("secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        assertThat(KeyFile.exposure(file) != null).isEqualTo(warned);
    }

    @Test
    void doesNotCountTheGroupTheDaemonReadsThroughWhenItDoesNotOwnTheFile() throws IOException {
        assumeTrue(Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0), "chown needs root");
        Path file = write("secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
        Files.setAttribute(file, "unix:uid", 65534);

        assertThat(KeyFile.exposure(file))
                .as("a Secret's 0440 root:fsGroup file, read through the group")
                .isNull();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assertThat(KeyFile.exposure(file)).isEqualTo("every user");
        Files.setAttribute(file, "unix:uid", 0);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
        assertThat(KeyFile.exposure(file))
                .as("owned by the daemon: the group is extra")
                .startsWith("group ");
    }

    @Test
    void doesNotWarnAboutAMissingFile() {
        assertThat(KeyFile.exposure(dir.resolve("absent.key"))).isNull();
    }
}
