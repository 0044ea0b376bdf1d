package io.ganeticonfd.server;

import java.lang.reflect.Field;

import io.netty.channel.Channel;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.impl.DatagramSocketImpl;

/**
 * Sizes a Vert.x datagram socket's buffers independently: each datagram gets room for one byte
 * more than the largest accepted request (so longer datagrams are seen as such), with the native
 * transport up to {@link #BATCH} datagrams are read per system call, and the kernel buffer is
 * large. Vert.x's own option sets both to the same value, which costs a huge allocation per
 * datagram; the Netty channel is reached by reflection, and without it the socket keeps Vert.x's
 * defaults (reads of 2048 bytes) with a warning.
 */
@RegisterForReflection(targets = DatagramSocketImpl.class, fields = true)
final class SocketTuning {

    /** Datagrams read per system call with the native transport (recvmmsg). */
    static final int BATCH = 16;

    private final int readBytes;
    private final int kernelBytes;

    SocketTuning(int readBytes, int kernelBytes) {
        this.readBytes = readBytes;
        this.kernelBytes = kernelBytes;
    }

    /** Applies the sizes to {@code socket}, before it listens; returns its Netty channel, or null if unreachable. */
    Channel apply(DatagramSocket socket) {
        try {
            Field field = DatagramSocketImpl.class.getDeclaredField("channel");
            field.setAccessible(true);
            Channel channel = (Channel) field.get(socket);
            if (channel.config().setOption(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, readBytes)) {
                // epoll: one recvmmsg call reads up to BATCH datagrams into one pooled buffer
                channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(readBytes * BATCH));
            } else {
                channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(readBytes));
            }
            if (kernelBytes > 0 && channel.config() instanceof io.netty.channel.socket.DatagramChannelConfig c) {
                c.setReceiveBufferSize(kernelBytes);
            }
            return channel;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warnf("Cannot size the UDP socket buffers (%s); requests over 2048 bytes will be dropped", e.toString());
            return null;
        }
    }
}
