package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.support.ClusterFiles;
import io.ganeticonfd.support.ProjectedVolume;

/**
 * With file-system events off ({@code confd.reload.file-events=false}, or a file system without
 * them) the periodic stamp check alone follows every kind of change, exactly once each, and a
 * broken file keeps the last good snapshot served, reported, until it is repaired.
 */
class PollingReloadTest {

    private static final byte[] KEY = ConformanceVectors.read("testsuite-2.16", "hmac.key");
    /** A ceiling for a loaded CI box, not the product's reload promise. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    ServedConfig<String> served = new ServedConfig<>(TestSettings.ANSWERS);
    ConfigReloader<String> reloader;

    @AfterEach
    void stopWatching() {
        if (reloader != null) {
            reloader.close();
        }
    }

    private void follow(Path config, Path key) {
        reloader = TestSettings.reloader(
                served,
                config,
                key,
                new TestSettings.Reload(Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(20), false));
        assertThat(reloader.loadInitialKey()).isNull();
        assertThat(reloader.reloadConfig()).isEqualTo(ReloadOutcome.RELOADED);
        reloader.start();
    }

    private Path clusterDir(long serial) throws IOException {
        Files.write(dir.resolve("config.data"), ClusterFiles.withSerial(serial));
        Files.write(dir.resolve("hmac.key"), KEY);
        follow(dir.resolve("config.data"), dir.resolve("hmac.key"));
        return dir.resolve("config.data");
    }

    private long served() {
        return served.snapshot().cluster().clusterSerial();
    }

    private long count(ReloadOutcome outcome) {
        return reloader.status().reloads().get(outcome);
    }

    @Test
    void runsWithoutFileEvents() throws IOException {
        clusterDir(3000);

        assertThat(reloader.status().watchMode()).isEqualTo(WatchMode.POLL);
    }

    private void assertFollowed(Consumer<Path> change, long serial) throws IOException {
        Path config = clusterDir(serial - 1);

        change.accept(config);

        await().atMost(BOUND).until(() -> served() == serial);
        await().during(Duration.ofMillis(200)).atMost(BOUND).until(() -> count(ReloadOutcome.RELOADED) == 2);
        assertThat(count(ReloadOutcome.FAILED)).isZero();
        assertThat(count(ReloadOutcome.UNCHANGED)).isZero();
    }

    @Test
    void followsASameSizeRewriteInPlace() throws IOException {
        assertFollowed(config -> ClusterFiles.writeInPlace(config, ClusterFiles.withSerial(3011)), 3011);
    }

    @Test
    void followsARenameOver() throws IOException {
        assertFollowed(config -> ClusterFiles.renameOver(config, ClusterFiles.withSerial(3021)), 3021);
    }

    @Test
    void followsADeleteThenCreate() throws IOException {
        assertFollowed(config -> ClusterFiles.deleteThenCreate(config, ClusterFiles.withSerial(3031)), 3031);
    }

    @Test
    void followsAKubernetesVolumeSwap() {
        ProjectedVolume volume = new ProjectedVolume(
                dir.resolve("volume"), Map.of("config.data", ClusterFiles.withSerial(3040), "hmac.key", KEY));
        follow(volume.dir().resolve("config.data"), volume.dir().resolve("hmac.key"));

        volume.update(Map.of("config.data", ClusterFiles.withSerial(3041), "hmac.key", KEY));

        await().atMost(BOUND).until(() -> served() == 3041);
        assertThat(count(ReloadOutcome.RELOADED)).isEqualTo(2);
    }

    static Stream<Arguments> brokenFiles() {
        byte[] good = ClusterFiles.withSerial(3079);
        return Stream.of(
                Arguments.of(
                        "emptied", (Consumer<Path>) c -> ClusterFiles.writeInPlace(c, new byte[0]), "file is empty"),
                Arguments.of(
                        "truncated",
                        (Consumer<Path>) c -> ClusterFiles.writeInPlace(c, Arrays.copyOf(good, good.length / 2)),
                        "invalid JSON"),
                Arguments.of(
                        "not JSON",
                        (Consumer<Path>)
                                c -> ClusterFiles.writeInPlace(c, "not json at all".getBytes(StandardCharsets.UTF_8)),
                        "invalid JSON"),
                Arguments.of(
                        "renamed over by the wrong structure",
                        (Consumer<Path>) c -> ClusterFiles.renameOver(c, "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)),
                        "not a JSON object"),
                Arguments.of("deleted", (Consumer<Path>) c -> c.toFile().delete(), "does not exist"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void keepsTheLastGoodSnapshotWhenThePolledFileBreaksAndServesItsRepair(
            String how, Consumer<Path> breakIt, String reason) throws IOException {
        Path config = clusterDir(3070);

        breakIt.accept(config);

        await().atMost(BOUND)
                .until(() -> count(ReloadOutcome.FAILED) > 0
                        && String.valueOf(reloader.status().lastError()).contains(reason));
        assertThat(reloader.status().fileBroken()).isTrue();
        assertThat(served()).as("the last good snapshot").isEqualTo(3070);

        ClusterFiles.renameOver(config, ClusterFiles.withSerial(3071));

        await().atMost(BOUND).until(() -> served() == 3071);
        assertThat(reloader.status().fileBroken()).isFalse();
        assertThat(count(ReloadOutcome.RELOADED)).isEqualTo(2);
    }

    /** Only the change time moves on chmod: the file is read again (found unchanged), as after fixing its permissions. */
    @Test
    void readsAFileAgainWhenOnlyItsPermissionsChange() throws IOException {
        Path config = clusterDir(3050);
        FileStamp before = FileStamp.of(config);

        await().atMost(BOUND).until(() -> {
            toggleGroupRead(config);
            return !FileStamp.of(config).equals(before);
        });

        await().atMost(BOUND).until(() -> count(ReloadOutcome.UNCHANGED) == 1);
        assertThat(served()).isEqualTo(3050);
        assertThat(reloader.status().fileNewerThanSnapshot()).isFalse();
    }

    @Test
    void followsAKeyRenamedOver() throws IOException {
        clusterDir(3060);
        byte[] next = "a-new-key-for-polling".getBytes(StandardCharsets.US_ASCII);

        ClusterFiles.renameOver(dir.resolve("hmac.key"), next);

        await().atMost(BOUND)
                .until(() -> HmacKey.of(next)
                        .fingerprint()
                        .equals(reloader.keyStatus().fingerprint()));
        assertThat(reloader.keyStatus().previousFingerprint())
                .isEqualTo(HmacKey.of(KEY).fingerprint());
    }

    private static void toggleGroupRead(Path file) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (!perms.remove(PosixFilePermission.GROUP_READ)) {
            perms.add(PosixFilePermission.GROUP_READ);
        }
        Files.setPosixFilePermissions(file, perms);
    }
}
