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
 * that is why the daemon owns its Netty channels ({@link UdpListener}). The batch's buffer is also
 * kept small enough for the pooled allocator's per-thread cache ({@link #recycledBufferBytes()}, which
 * {@link AllocatorDefaults} raises to a chunk), so that each read system call takes back the buffer
 * the previous one released. A larger one is carved from a chunk of its own (64 KiB under Quarkus,
 * which sets {@code io.netty.allocator.maxOrder=3}) and frees that chunk when released: a new zeroed
 * direct buffer for every read system call.
 */
final class SocketTuning {

    /** Most datagrams read per system call with the native transport (recvmmsg). */
    static final int BATCH = 16;

    /** Netty's default for the largest buffer its per-thread caches keep (4.1 has no getter for it). */
    static final int NETTY_MAX_CACHED_BUFFER_BYTES = 32 << 10;

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

    /** Datagrams read per recvmmsg: {@link #BATCH}, fewer if their buffers would not fit in {@code bufferBytes}. */
    int batch(int bufferBytes) {
        return Math.max(1, Math.min(BATCH, bufferBytes / readBytes));
    }

    /** Datagrams read per recvmmsg on this JVM: as many as fit in a {@link #recycledBufferBytes()} buffer. */
    int nativeBatch() {
        return batch(recycledBufferBytes());
    }

    /**
     * The largest buffer Netty's pooled allocator, as configured for this JVM, recycles through an
     * event loop's cache: at most one chunk, at most the cache's largest entry (system property
     * {@code io.netty.allocator.maxCachedBufferCapacity}).
     */
    static int recycledBufferBytes() {
        int chunk = PooledByteBufAllocator.defaultPageSize() << PooledByteBufAllocator.defaultMaxOrder();
        return Math.min(chunk, Integer.getInteger(AllocatorDefaults.MAX_CACHED_BUFFER, NETTY_MAX_CACHED_BUFFER_BYTES));
    }

    /** Sets the sizes on a bootstrap for an epoll ({@code nativeTransport}) or NIO datagram channel. */
    void apply(Bootstrap bootstrap, boolean nativeTransport) {
        if (nativeTransport) {
            // one recvmmsg call reads up to BATCH datagrams into one pooled buffer
            bootstrap
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, readBytes)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(readBytes * nativeBatch()));
        } else {
            bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(readBytes));
        }
        if (kernelBytes > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, kernelBytes);
        }
    }
}
