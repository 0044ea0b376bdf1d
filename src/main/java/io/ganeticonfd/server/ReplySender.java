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
 * the host string again for every datagram; when the socket's Netty channel is known the reply is
 * written to it directly, addressed with the sender's own IP address, on the same event loop.
 */
final class ReplySender {

    private final DatagramSocket socket;
    private final Channel channel;

    ReplySender(DatagramSocket socket, Channel channel) {
        this.socket = socket;
        this.channel = channel;
    }

    void send(byte[] datagram, SocketAddress to) {
        if (channel != null && to instanceof SocketAddressImpl inet && inet.ipAddress() != null) {
            channel.writeAndFlush(new io.netty.channel.socket.DatagramPacket(Unpooled.wrappedBuffer(datagram),
                    new InetSocketAddress(inet.ipAddress(), inet.port())), channel.voidPromise());
        } else {
            socket.send(Buffer.buffer(datagram), to.port(), to.host());
        }
    }
}
