package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file is read whole, exactly, whatever its size relative to the chunk size. */
class FileBytesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            ints = {0, 1, 4096, FileBytes.CHUNK - 1, FileBytes.CHUNK, FileBytes.CHUNK + 1, 3 * FileBytes.CHUNK + 17})
    void readsEveryByte(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = Files.write(dir.resolve("f"), content);

        assertThat(FileBytes.read(file)).isEqualTo(content);
    }

    @Test
    void reportsAMissingFileAsSuch() {
        assertThatThrownBy(() -> FileBytes.read(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void readsWhatAProcFileHoldsAlthoughItsSizeIsZero() throws IOException {
        Path proc = Path.of("/proc/self/status");
        assumeTrue(Files.isReadable(proc) && Files.size(proc) == 0);

        assertThat(new String(FileBytes.read(proc))).contains("Name:");
    }
}
