package io.ganeticonfd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocator;

class SocketTuningTest {

    private static final int DEFAULT_READ_BYTES = 4097;

    @Test
    void readsAFullBatchWhenItFitsInTheBuffer() {
        assertThat(new SocketTuning(1025, 0).batch(32 << 10)).isEqualTo(SocketTuning.BATCH);
    }

    @Test
    void readsFewerDatagramsPerCallRatherThanOutgrowTheBuffer() {
        SocketTuning tuning = new SocketTuning(DEFAULT_READ_BYTES, 0);

        assertThat(tuning.batch(32 << 10)).isEqualTo(7);
        assertThat(tuning.batch(64 << 10)).isEqualTo(15);
        assertThat(tuning.batch(4 << 20)).isEqualTo(SocketTuning.BATCH);
    }

    @Test
    void readsOneDatagramPerCallWhenOneIsLargerThanTheBuffer() {
        assertThat(new SocketTuning(70_000, 0).batch(32 << 10)).isEqualTo(1);
    }

    @Test
    void theRecycledBufferFitsInOneChunkAndInTheThreadCache() {
        int chunk = PooledByteBufAllocator.defaultPageSize() << PooledByteBufAllocator.defaultMaxOrder();

        assertThat(SocketTuning.recycledBufferBytes())
                .isLessThanOrEqualTo(chunk)
                .isLessThanOrEqualTo(Integer.getInteger(AllocatorDefaults.MAX_CACHED_BUFFER, 32 << 10))
                .isPositive();
    }

    @Test
    void theDaemonsAllocatorSettingsLetItReadFifteenDefaultSizedDatagramsPerCall() {
        Properties daemon = new Properties();
        daemon.setProperty("io.netty.allocator.maxOrder", "3"); // as Quarkus sets it
        AllocatorDefaults.applyTo(daemon);
        int chunk = 8192 << Integer.parseInt(daemon.getProperty("io.netty.allocator.maxOrder"));
        int cached = Integer.parseInt(daemon.getProperty(AllocatorDefaults.MAX_CACHED_BUFFER));

        assertThat(new SocketTuning(DEFAULT_READ_BYTES, 0).batch(Math.min(chunk, cached)))
                .isEqualTo(15);
    }

    @Test
    void anOptionGivenOnTheCommandLineWins() {
        Properties given = new Properties();
        given.setProperty(AllocatorDefaults.MAX_CACHED_BUFFER, "16384");

        AllocatorDefaults.applyTo(given);

        assertThat(given.getProperty(AllocatorDefaults.MAX_CACHED_BUFFER)).isEqualTo("16384");
    }

    @Test
    void testsRunWithTheDaemonsAllocatorSettings() {
        AllocatorDefaults.properties()
                .forEach((k, v) -> assertThat(System.getProperty(k)).as(k).isEqualTo(v));
        assertThat(new SocketTuning(DEFAULT_READ_BYTES, 0).nativeBatch()).isEqualTo(15);
    }

    @Test
    void theReadBufferIsRecycledByTheEventLoopsCacheAndALargerOneIsNot() {
        int batchBytes =
                DEFAULT_READ_BYTES * new SocketTuning(DEFAULT_READ_BYTES, 0).batch(SocketTuning.recycledBufferBytes());

        assertThat(arenaAllocations(batchBytes, 100)).isEqualTo(1);
        assertThat(arenaAllocations(SocketTuning.recycledBufferBytes() + 1, 100))
                .isEqualTo(100);
    }

    /**
     * Allocates and releases a direct buffer of {@code bytes} {@code times} with a pooled allocator of
     * Quarkus' chunk size; counts the allocations the arena served (the others came from the thread's cache).
     */
    private static long arenaAllocations(int bytes, int times) {
        PooledByteBufAllocator allocator = new PooledByteBufAllocator(
                true,
                0,
                1,
                PooledByteBufAllocator.defaultPageSize(),
                3,
                PooledByteBufAllocator.defaultSmallCacheSize(),
                PooledByteBufAllocator.defaultNormalCacheSize(),
                true);
        for (int i = 0; i < times; i++) {
            ByteBuf buffer = allocator.directBuffer(bytes, bytes);
            buffer.release();
        }
        PoolArenaMetric arena = allocator.metric().directArenas().get(0);
        return arena.numNormalAllocations() + arena.numHugeAllocations();
    }
}
