package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File identity for change detection: size, nanosecond mtime, change time and file key (PROTOCOL.md §11.5). */
class FileStampTest {

    @TempDir
    Path dir;

    @Test
    void isMissingForAbsentFile() {
        FileStamp stamp = FileStamp.of(dir.resolve("absent"));

        assertThat(stamp).isSameAs(FileStamp.MISSING);
        assertThat(stamp.exists()).isFalse();
    }

    @Test
    void recordsSizeNanosecondMtimeAndFileKey() throws IOException {
        Path file = Files.writeString(dir.resolve("config.data"), "12345");
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_700_000_000L, 123_456_789)));

        FileStamp stamp = FileStamp.of(file);

        assertThat(stamp.exists()).isTrue();
        assertThat(stamp.size()).isEqualTo(5);
        assertThat(stamp.fileKey())
                .isNotNull()
                .isEqualTo(Files.readAttributes(file, BasicFileAttributes.class).fileKey());
        assertThat(stamp.mtimeNanos() / 1_000_000_000L).isEqualTo(1_700_000_000L);
    }

    @Test
    void differsForASameSizeRewriteWithinTheSameSecond() throws IOException {
        Path file = Files.writeString(dir.resolve("config.data"), "aaaa");
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_700_000_000L, 100_000_000)));
        FileStamp before = FileStamp.of(file);

        Files.writeString(file, "bbbb");
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_700_000_000L, 600_000_000)));
        FileStamp after = FileStamp.of(file);

        assertThat(after.size()).isEqualTo(before.size());
        assertThat(after.fileKey()).isEqualTo(before.fileKey());
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void differsWhenAnotherFileIsRenamedOverIt() throws IOException {
        FileTime mtime = FileTime.from(Instant.ofEpochSecond(1_700_000_000L));
        Path file = Files.writeString(dir.resolve("config.data"), "aaaa");
        Files.setLastModifiedTime(file, mtime);
        FileStamp before = FileStamp.of(file);
        Path next = Files.writeString(dir.resolve("config.data.tmp"), "bbbb");
        Files.setLastModifiedTime(next, mtime);

        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(FileStamp.of(file)).isNotEqualTo(before);
        assertThat(FileStamp.of(file).mtimeNanos()).isEqualTo(before.mtimeNanos());
    }

    @Test
    void followsSymbolicLinks() throws IOException {
        Path target = Files.writeString(dir.resolve("..data-1"), "abc");
        Path link = Files.createSymbolicLink(dir.resolve("config.data"), target);

        assertThat(FileStamp.of(link)).isEqualTo(FileStamp.of(target));
        assertThat(FileStamp.of(link).size()).isEqualTo(3);
    }

    @Test
    void differsWhenOnlyThePermissionsChange() throws IOException {
        Path file = Files.writeString(dir.resolve("config.data"), "aaaa");
        FileStamp before = FileStamp.of(file);
        assertThat(before.ctimeNanos()).isNotEqualTo(FileStamp.NO_CTIME);

        // File times tick with the kernel's coarse clock: repeat until a chmod lands on a later tick.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Files.setPosixFilePermissions(
                    file,
                    PosixFilePermissions.fromString(
                            Files.getPosixFilePermissions(file).contains(PosixFilePermission.GROUP_WRITE)
                                    ? "rw-r-----"
                                    : "rw-rw----"));
            return FileStamp.of(file).ctimeNanos() != before.ctimeNanos();
        });

        FileStamp after = FileStamp.of(file);
        assertThat(after).isNotEqualTo(before);
        assertThat(after.size()).isEqualTo(before.size());
        assertThat(after.mtimeNanos()).isEqualTo(before.mtimeNanos());
        assertThat(after.fileKey()).isEqualTo(before.fileKey());
    }

    @Test
    void isTheSameForAnUntouchedFile() throws IOException {
        Path file = Files.writeString(dir.resolve("config.data"), "aaaa");

        assertThat(FileStamp.of(file)).isEqualTo(FileStamp.of(file));
    }

    @Test
    void aFileRenamedOverThePathReplacesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("config.data"), "old");
        FileStamp before = FileStamp.of(file);
        Path next = Files.writeString(dir.resolve(".config.data.new"), "new");

        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(FileStamp.of(file).replaces(before)).isTrue();
    }

    @Test
    void aWriteInPlaceDoesNotReplaceTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("config.data"), "old");
        FileStamp before = FileStamp.of(file);

        Files.writeString(file, "new content");

        assertThat(FileStamp.of(file)).isNotEqualTo(before);
        assertThat(FileStamp.of(file).replaces(before)).isFalse();
    }

    @Test
    void noFileReplacesOrIsReplacedWhenMissing() throws IOException {
        Path file = Files.writeString(dir.resolve("config.data"), "old");
        FileStamp present = FileStamp.of(file);

        assertThat(FileStamp.MISSING.replaces(present)).isFalse();
        assertThat(present.replaces(FileStamp.MISSING)).isFalse();
        assertThat(present.replaces(null)).isFalse();
        assertThat(present.replaces(new FileStamp(3, 0, 0, null))).isFalse();
    }
}
