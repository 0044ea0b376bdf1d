package io.ganeticonfd.server;

import java.net.InetSocketAddress;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.SocketAddressImpl;

/**
 * Sends a reply datagram to a request's sender. Vert.x's {@code send(buffer, port, host)} resolves
 * the host string again for every datagram and flushes each one; when the socket's Netty channel
 * is known the reply is written to it directly, addressed with the sender's own IP address, and
 * the replies to one batch of reads are flushed together (one sendmmsg with the native transport).
 * Used on the socket's event loop only.
 */
final class ReplySender {

    private final DatagramSocket socket;
    private final Channel channel;
    private final Runnable flush;
    private boolean flushPending;

    ReplySender(DatagramSocket socket, Channel channel) {
        this.socket = socket;
        this.channel = channel;
        this.flush = () -> {
            flushPending = false;
            channel.flush();
        };
    }

    void send(byte[] datagram, SocketAddress to) {
        if (channel != null && to instanceof SocketAddressImpl inet && inet.ipAddress() != null) {
            channel.write(new io.netty.channel.socket.DatagramPacket(Unpooled.wrappedBuffer(datagram),
                    new InetSocketAddress(inet.ipAddress(), inet.port())), channel.voidPromise());
            if (!flushPending) {
                flushPending = true;
                channel.eventLoop().execute(flush);
            }
        } else {
            socket.send(Buffer.buffer(datagram), to.port(), to.host());
        }
    }
}
