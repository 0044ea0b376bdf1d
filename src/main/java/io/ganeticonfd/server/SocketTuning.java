package io.ganeticonfd.server;

import java.lang.reflect.Field;

import io.netty.channel.Channel;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.impl.DatagramSocketImpl;

/**
 * Sizes a Vert.x datagram socket's buffers independently: each read gets a buffer one byte larger
 * than the largest accepted request (so longer datagrams are seen as such), and the kernel buffer
 * is large. Vert.x's own option sets both to the same value, which costs a huge allocation per
 * datagram; the Netty channel is reached by reflection, and without it the socket keeps Vert.x's
 * defaults (reads of 2048 bytes) with a warning.
 */
@RegisterForReflection(targets = DatagramSocketImpl.class, fields = true)
final class SocketTuning {

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
            channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(readBytes));
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
