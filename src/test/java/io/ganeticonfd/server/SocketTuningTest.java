package io.ganeticonfd.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.netty.buffer.PooledByteBufAllocator;

class SocketTuningTest {

    private static final int QUARKUS_CHUNK = 8192 << 3;

    @Test
    void readsAFullBatchWhenItFitsInOneChunk() {
        assertThat(new SocketTuning(1025, 0).batch(QUARKUS_CHUNK)).isEqualTo(SocketTuning.BATCH);
    }

    @Test
    void readsFewerDatagramsPerCallRatherThanOverflowAChunk() {
        SocketTuning tuning = new SocketTuning(4097, 0);

        assertThat(tuning.batch(QUARKUS_CHUNK)).isEqualTo(15);
        assertThat(4097 * tuning.batch(QUARKUS_CHUNK)).isLessThanOrEqualTo(QUARKUS_CHUNK);
        assertThat(tuning.batch(4 << 20)).isEqualTo(SocketTuning.BATCH);
    }

    @Test
    void readsOneDatagramPerCallWhenOneIsLargerThanAChunk() {
        assertThat(new SocketTuning(70_000, 0).batch(QUARKUS_CHUNK)).isEqualTo(1);
    }

    @Test
    void takesTheChunkSizeFromTheAllocatorsSettings() {
        assertThat(SocketTuning.poolChunkBytes())
                .isEqualTo(PooledByteBufAllocator.defaultPageSize() << PooledByteBufAllocator.defaultMaxOrder());
    }
}
