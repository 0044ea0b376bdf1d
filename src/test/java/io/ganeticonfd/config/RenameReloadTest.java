package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ganeticonfd.support.ClusterFiles;

/**
 * A config renamed over the served one (a new inode, complete when it appears, as Ganeti writes it)
 * is served without waiting for the settle time; a config written in place still settles first.
 * The settle time is an hour: a rename served within the ceiling did not wait for it, and an
 * in-place write is seen read ahead and still waiting, whatever the machine's speed.
 */
class RenameReloadTest {

    private static final Duration HOUR = Duration.ofHours(1);
    /** A ceiling for a loaded CI box, not the product's reload promise (the benchmarks measure that). */
    private static final Duration CEILING = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    Path config;
    ServedConfig<String> served = new ServedConfig<>(TestSettings.ANSWERS);
    ConfigReloader<String> reloader;

    @BeforeEach
    void serveAConfig() throws IOException {
        config = dir.resolve("config.data");
        reloader = TestSettings.serving(served, dir, 2000, new TestSettings.Reload(Duration.ZERO, HOUR));
        reloader.start();
    }

    @AfterEach
    void stopWatching() {
        reloader.close();
    }

    @Test
    void servesARenamedFileWithoutWaitingForTheSettleTime() throws IOException {
        renameOver(ClusterFiles.withSerial(2001));

        // Served with an hour's settle time: the rename did not wait for it. Whether a read ahead is
        // pending afterwards is not asserted: an inotify event delivered after the poll already served
        // the rename makes the reloader read the (unchanged) file once more, by design, as events are
        // how it catches a rewrite too quick for the file's timestamps.
        await().atMost(CEILING).until(() -> served() == 2001);
        assertThat(reloader.status().reloads())
                .containsEntry(ReloadOutcome.RELOADED, 2L)
                .containsEntry(ReloadOutcome.FAILED, 0L);
    }

    @Test
    void servesEachOfSeveralRenamesInTurn() throws IOException {
        for (long serial = 2002; serial < 2005; serial++) {
            renameOver(ClusterFiles.withSerial(serial));
            long expected = serial;
            await().atMost(CEILING).until(() -> served() == expected);
        }
    }

    @Test
    void holdsAnInPlaceWriteUntilItSettles() throws IOException {
        Files.write(config, ClusterFiles.withSerial(2005));

        await().atMost(CEILING).until(reloader::readingAhead);
        assertThat(served()).as("read, but not served before the settle time").isEqualTo(2000);
        assertThat(reloader.status().reloads()).containsEntry(ReloadOutcome.RELOADED, 1L);
    }

    @Test
    void holdsANewFileThatIsStillBeingWritten() throws IOException {
        Path next = dir.resolve(".config.data.tmp");
        byte[] content = ClusterFiles.withSerial(2006);
        try (OutputStream out = Files.newOutputStream(next)) {
            out.write(Arrays.copyOf(content, content.length / 2));
            out.flush();
            Files.move(next, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            await().atMost(CEILING).until(reloader::readingAhead);
            assertThat(served()).as("half a file is not served at once").isEqualTo(2000);
            assertThat(reloader.status().fileBroken())
                    .as("nor reported broken before it settles")
                    .isFalse();
            out.write(content, content.length / 2, content.length - content.length / 2);
        }
    }

    private void renameOver(byte[] content) throws IOException {
        Path next = dir.resolve(".config.data.new");
        Files.write(next, content);
        Files.move(next, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private long served() {
        return served.snapshot().cluster().clusterSerial();
    }
}
