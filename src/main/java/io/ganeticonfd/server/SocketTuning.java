package io.ganeticonfd.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;

/**
 * Sizes a UDP channel's buffers independently: each datagram gets room for one byte more than the
 * largest accepted request (so longer datagrams are seen as such), with the native transport up to
 * {@link #BATCH} datagrams are read per system call (recvmmsg), and the kernel buffer is large.
 * Vert.x's own datagram options set both to one value, which costs a huge allocation per datagram;
 * that is why the daemon owns its Netty channels ({@link UdpListener}). The batch is also kept
 * within one chunk of Netty's pooled allocator (64 KiB under Quarkus, which sets
 * {@code io.netty.allocator.maxOrder=3}): a larger read buffer is a "huge" allocation, a new zeroed
 * direct buffer for every read system call, freed after it.
 */
final class SocketTuning {

    /** Most datagrams read per system call with the native transport (recvmmsg). */
    static final int BATCH = 16;

    private final int readBytes;
    private final int kernelBytes;

    SocketTuning(int readBytes, int kernelBytes) {
        this.readBytes = readBytes;
        this.kernelBytes = kernelBytes;
    }

    /** Bytes read per datagram: the largest accepted request plus one. */
    int readBytes() {
        return readBytes;
    }

    /** Datagrams read per recvmmsg: {@link #BATCH}, fewer if their buffers would not fit in one pool chunk of {@code chunkBytes}. */
    int batch(int chunkBytes) {
        return Math.max(1, Math.min(BATCH, chunkBytes / readBytes));
    }

    /** The chunk size of Netty's pooled allocator, as configured for this JVM. */
    static int poolChunkBytes() {
        return PooledByteBufAllocator.defaultPageSize() << PooledByteBufAllocator.defaultMaxOrder();
    }

    /** Sets the sizes on a bootstrap for an epoll ({@code nativeTransport}) or NIO datagram channel. */
    void apply(Bootstrap bootstrap, boolean nativeTransport) {
        if (nativeTransport) {
            // one recvmmsg call reads up to BATCH datagrams into one pooled buffer
            bootstrap
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, readBytes)
                    .option(
                            ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(readBytes * batch(poolChunkBytes())));
        } else {
            bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(readBytes));
        }
        if (kernelBytes > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, kernelBytes);
        }
    }
}
