package io.ganeticonfd.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.server.DaemonLifecycle;
import io.ganeticonfd.support.ClusterFiles;
import io.ganeticonfd.support.QueryStream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The daemon follows every change of config.data and never stops answering: each way of writing
 * the file is picked up, in order and once, and each way of breaking it keeps the last good snapshot
 * served while the failure is reported. A stream of queries runs throughout.
 */
@QuarkusTest
@TestProfile(ConfigReloadTest.TempClusterProfile.class)
class ConfigReloadTest {

    /**
     * How long a change may take to be served before the test fails: a ceiling for a loaded CI box,
     * not the product's reload promise (that figure is measured by the benchmarks).
     */
    private static final Duration CEILING = Duration.ofSeconds(30);

    private static final AtomicLong SERIALS = new AtomicLong(100_000);

    @Inject
    ConfigReloader<PreparedAnswers> reloader;

    @Inject
    ServedConfig<PreparedAnswers> servedConfig;

    @Inject
    DaemonLifecycle lifecycle;

    private Path config;
    private QueryStream stream;

    /** The daemon on a temporary copy of the testsuite cluster. */
    public static class TempClusterProfile implements QuarkusTestProfile {
        static final Path DIR = ClusterFiles.newClusterDir(SERIALS.get());

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "confd.config.file",
                    DIR.resolve("config.data").toString(),
                    "confd.hmac.key-file",
                    DIR.resolve("hmac.key").toString());
        }
    }

    @BeforeEach
    void startFromAGoodConfig() {
        config = TempClusterProfile.DIR.resolve("config.data");
        long serial = SERIALS.incrementAndGet();
        ClusterFiles.renameOver(config, ClusterFiles.withSerial(serial));
        await().atMost(CEILING)
                .until(() -> servedConfig.snapshot().cluster().clusterSerial() == serial
                        && !reloader.status().fileNewerThanSnapshot());
        stream = new QueryStream(lifecycle.udpPort(), ConformanceVectors.key("testsuite-2.16"));
        await().atMost(CEILING).until(() -> stream.answered() > 0);
    }

    @AfterEach
    void stopStream() {
        stream.close();
        assertThat(stream.unanswered()).as("queries left unanswered").isZero();
        assertThat(stream.errors()).as("queries answered with an error").isZero();
    }

    @Test
    void reloadsAnInPlaceRewrite() {
        assertPickedUp(data -> ClusterFiles.writeInPlace(config, data));
    }

    @Test
    void reloadsAnAtomicRenameOverTheFile() {
        assertPickedUp(data -> ClusterFiles.renameOver(config, data));
    }

    @Test
    void reloadsAFileDeletedThenCreated() {
        assertPickedUp(data -> ClusterFiles.deleteThenCreate(config, data));
    }

    @Test
    void noticesASameSizeRewriteWithinTheSameSecond() {
        long first = SERIALS.incrementAndGet();
        long second = SERIALS.incrementAndGet();
        byte[] a = ClusterFiles.withSerial(first);
        byte[] b = ClusterFiles.withSerial(second);
        assertThat(a).hasSameSizeAs(b);
        ClusterFiles.writeInPlace(config, a);
        ClusterFiles.writeInPlace(config, b);
        awaitServed(second);
        assertThat(stream.serialsNeverDecreased()).isTrue();
    }

    @Test
    void servesTheLastWriteOfABurstWithoutAReloadPerWrite() throws InterruptedException {
        long before = reloaded();
        long last = 0;
        for (int i = 0; i < 4; i++) {
            last = SERIALS.incrementAndGet();
            ClusterFiles.writeInPlace(config, ClusterFiles.withSerial(last));
            Thread.sleep(50); // the writer's pace, not a wait for the daemon
        }
        awaitServed(last);
        // How many reloads a burst costs depends on the writer's real pace (ReloadThrottleTest
        // checks the interval itself): here only that the burst's end is served, in order, by
        // at least one reload and never more than one per write.
        assertThat(reloaded() - before).as("reloads for a burst of 4 writes").isBetween(1L, 4L);
        assertThat(stream.serialsNeverDecreased()).isTrue();
    }

    @Test
    void keepsServingWhenTheFileIsEmptied() {
        assertSurvives(() -> ClusterFiles.writeInPlace(config, new byte[0]), "file is empty");
    }

    @Test
    void keepsServingWhenTheFileIsTruncated() {
        byte[] good = ClusterFiles.withSerial(SERIALS.incrementAndGet());
        assertSurvives(() -> ClusterFiles.writeInPlace(config, Arrays.copyOf(good, good.length / 2)), "invalid JSON");
    }

    @Test
    void keepsServingWhenTheFileIsNotJson() {
        assertSurvives(
                () -> ClusterFiles.writeInPlace(config, "not json at all".getBytes(StandardCharsets.UTF_8)),
                "invalid JSON");
    }

    @Test
    void keepsServingWhenTheFileHasTheWrongStructure() {
        assertSurvives(
                () -> ClusterFiles.writeInPlace(config, "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)),
                "not a JSON object");
    }

    @Test
    void keepsServingWhenTheFileIsDeleted() throws Exception {
        assertSurvives(() -> config.toFile().delete(), "does not exist");
    }

    @Test
    void keepsServingWhileTheFileIsHalfWritten() {
        long next = SERIALS.incrementAndGet();
        byte[] good = ClusterFiles.withSerial(next);
        long served = servedConfig.snapshot().cluster().clusterSerial();
        long failedBefore = failed();
        ClusterFiles.writeInPlace(config, Arrays.copyOf(good, good.length - 100));
        await().atMost(CEILING).until(() -> failed() > failedBefore);
        assertThat(stream.latestSerial()).isEqualTo(served);
        ClusterFiles.writeInPlace(config, good);
        awaitServed(next);
    }

    @Test
    void loadsALowerSerialAsARollback() {
        long current = servedConfig.snapshot().cluster().clusterSerial();
        ClusterFiles.renameOver(config, ClusterFiles.withSerial(current - 50));
        awaitServed(current - 50);
    }

    private void assertPickedUp(Consumer<byte[]> write) {
        long next = SERIALS.incrementAndGet();
        long before = reloaded();
        write.accept(ClusterFiles.withSerial(next));
        awaitServed(next);
        assertThat(reloaded() - before).as("reloads of the new content").isEqualTo(1);
        assertThat(reloader.status().fileBroken()).isFalse();
        assertThat(stream.serialsNeverDecreased()).isTrue();
    }

    private void assertSurvives(ThrowingRunnable breakFile, String reason) {
        long served = servedConfig.snapshot().cluster().clusterSerial();
        long failedBefore = failed();
        try {
            breakFile.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        await().atMost(CEILING).until(() -> failed() > failedBefore);
        assertThat(reloader.status().lastError()).contains(reason);
        given().get("/q/health/well").then().statusCode(503).body(containsString(reason));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/status")
                .then()
                .body("serial", equalTo((int) served))
                .body("configFile.ok", equalTo(false))
                .body("lastError", containsString(reason));
        given().get("/q/metrics").then().body(containsString("confd_config_file_ok 0.0"));
        long answeredBefore = stream.answered();
        await().atMost(CEILING).until(() -> stream.answered() > answeredBefore + 5);
        assertThat(stream.serialsSeen()).containsOnly(served);

        long next = SERIALS.incrementAndGet();
        ClusterFiles.renameOver(config, ClusterFiles.withSerial(next));
        awaitServed(next);
        given().get("/q/health/well").then().statusCode(200);
    }

    private void awaitServed(long serial) {
        await().atMost(CEILING)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> servedConfig.snapshot() != null
                        && servedConfig.snapshot().cluster().clusterSerial() == serial);
        await().atMost(CEILING).until(() -> stream.latestSerial() == serial);
    }

    private long reloaded() {
        return reloader.status().reloads().get(ReloadOutcome.RELOADED);
    }

    private long failed() {
        return reloader.status().reloads().get(ReloadOutcome.FAILED);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
