package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.conformance.ConformanceVectors;

/** Reading a config file into a snapshot: success, unchanged content, and every failure as one line. */
class SnapshotLoaderTest {

    static final byte[] CONFIG = ConformanceVectors.read("testsuite-2.16", "config.data");

    @TempDir
    Path dir;

    final SnapshotLoader loader = new SnapshotLoader(new ConfigParser(new ObjectMapper(), false));

    Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    static SnapshotLoader.Loaded loaded(SnapshotLoader.Attempt attempt) {
        assertThat(attempt).isInstanceOf(SnapshotLoader.Success.class);
        return ((SnapshotLoader.Success) attempt).loaded();
    }

    static String failure(SnapshotLoader.Attempt attempt) {
        assertThat(attempt).isInstanceOf(SnapshotLoader.Failure.class);
        String reason = ((SnapshotLoader.Failure) attempt).reason();
        assertThat(reason).doesNotContain("\n");
        return reason;
    }

    @Test
    void loadsAConfigFileWithItsStampSizeAndChecksum() throws IOException {
        Path file = write("config.data", CONFIG);

        SnapshotLoader.Loaded loaded = loaded(loader.load(file, null));

        assertThat(loaded.snapshot().cluster().clusterSerial()).isEqualTo(3189);
        assertThat(loaded.bytes()).isEqualTo(CONFIG.length);
        assertThat(loaded.stamp()).isEqualTo(FileStamp.of(file));
        assertThat(loaded.stamp().size()).isEqualTo(CONFIG.length);
        assertThat(loaded.nanos()).isPositive();
    }

    @Test
    void reportsSameWhenTheContentHasTheServedChecksum() throws IOException {
        Path file = write("config.data", CONFIG);
        long checksum = loaded(loader.load(file, null)).checksum();

        SnapshotLoader.Attempt again = loader.load(file, checksum);

        assertThat(again).isEqualTo(new SnapshotLoader.Same(FileStamp.of(file)));
    }

    @Test
    void reportsSameForIdenticalContentRewrittenLater() throws IOException {
        Path file = write("config.data", CONFIG);
        long checksum = loaded(loader.load(file, null)).checksum();
        Path replacement = write("config.data.new", CONFIG);
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(loader.load(file, checksum)).isInstanceOf(SnapshotLoader.Same.class);
    }

    @Test
    void reloadsASameSizeRewriteWithDifferentContent() throws IOException {
        Path file = write("config.data", CONFIG);
        SnapshotLoader.Loaded first = loaded(loader.load(file, null));
        String text = new String(CONFIG, StandardCharsets.UTF_8);
        byte[] rewritten =
                text.replace("\"serial_no\": 3189", "\"serial_no\": 3190").getBytes(StandardCharsets.UTF_8);
        assertThat(rewritten).hasSameSizeAs(CONFIG).isNotEqualTo(CONFIG);
        Files.write(file, rewritten);

        SnapshotLoader.Loaded second = loaded(loader.load(file, first.checksum()));

        assertThat(second.checksum()).isNotEqualTo(first.checksum());
        assertThat(second.snapshot().cluster().clusterSerial()).isEqualTo(3190);
    }

    @Test
    void aFailureCarriesTheStampOfTheFileAsRead() throws IOException {
        Path file = write("config.data", "{\"version\": ".getBytes(StandardCharsets.UTF_8));
        FileStamp asRead = FileStamp.of(file);

        SnapshotLoader.Attempt attempt = loader.load(file, null);
        Files.write(file, CONFIG);

        assertThat(failure(attempt)).startsWith("invalid JSON");
        assertThat(attempt.stamp()).isEqualTo(asRead).isNotEqualTo(FileStamp.of(file));
        assertThat(loader.load(dir.resolve("absent.data"), null).stamp()).isEqualTo(FileStamp.MISSING);
    }

    @Test
    void reportsAMissingFile() {
        assertThat(failure(loader.load(dir.resolve("absent.data"), null))).isEqualTo("file does not exist");
    }

    @Test
    void reportsAnEmptyFile() throws IOException {
        assertThat(failure(loader.load(write("config.data", new byte[0]), 42L))).isEqualTo("file is empty");
    }

    @Test
    void reportsADirectory() {
        assertThat(failure(loader.load(dir, null))).startsWith("cannot read: ");
    }

    @Test
    void reportsAnUnreadableFile() throws IOException {
        Path file = write("config.data", CONFIG);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(
                Files.isReadable(file),
                "running as root: permissions do not stop reading (UnreadableFilesIT covers this, running the jar as user nobody)");

        assertThat(failure(loader.load(file, null))).isEqualTo("permission denied");
    }

    @Test
    void reportsAParseErrorEvenWhenASnapshotIsServed() throws IOException {
        Path file = write("config.data", CONFIG);
        long checksum = loaded(loader.load(file, null)).checksum();
        Files.write(file, Arrays.copyOf(CONFIG, CONFIG.length / 3));

        assertThat(failure(loader.load(file, checksum)))
                .startsWith("invalid JSON: ")
                .containsPattern("line \\d+ column \\d+");
    }

    @Test
    void reportsAConfigThatIsValidJsonButNotAConfig() throws IOException {
        assertThat(failure(
                        loader.load(write("config.data", "{\"cluster\": {}}".getBytes(StandardCharsets.UTF_8)), null)))
                .isEqualTo("no numeric top-level 'version'");
    }

    @Test
    void givesDifferentContentDifferentChecksums() throws IOException {
        long a = loaded(loader.load(
                        write("a", "{\"version\": 1, \"cluster\": {}}".getBytes(StandardCharsets.UTF_8)), null))
                .checksum();
        long b = loaded(loader.load(
                        write("b", "{\"version\": 2, \"cluster\": {}}".getBytes(StandardCharsets.UTF_8)), null))
                .checksum();
        long c = loaded(loader.load(
                        write("c", "{\"version\": 1, \"cluster\": {} }".getBytes(StandardCharsets.UTF_8)), null))
                .checksum();

        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
        assertThat(b).isNotEqualTo(c);
    }
}
