package io.ganeticonfd.server;

import io.ganeticonfd.protocol.ConfdRequest;
import io.quarkus.logging.Log;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.SocketAddress;

/**
 * One UDP socket on one event loop: reads datagrams, runs them through the {@link RequestProcessor}
 * and sends the reply to the sender. Several instances share the port with SO_REUSEPORT.
 */
final class UdpListenerVerticle extends AbstractVerticle {

    private final RequestProcessor processor;
    private final ConfdMetrics metrics;
    private final UdpBinding binding;
    private final EventLoopHeartbeats heartbeats;
    private DatagramSocket socket;
    private ReplySender replies;

    UdpListenerVerticle(RequestProcessor processor, ConfdMetrics metrics, UdpBinding binding,
            EventLoopHeartbeats heartbeats) {
        this.processor = processor;
        this.metrics = metrics;
        this.binding = binding;
        this.heartbeats = heartbeats;
    }

    @Override
    public void start(Promise<Void> started) {
        DatagramSocketOptions options = new DatagramSocketOptions().setIpV6(binding.ipv6())
                .setReusePort(binding.reusePort()).setReuseAddress(binding.reusePort());
        socket = vertx.createDatagramSocket(options);
        replies = new ReplySender(socket, binding.tuning().apply(socket));
        socket.handler(this::handle);
        socket.listen(binding.port(), binding.host()).onComplete(ar -> {
            if (ar.succeeded()) {
                binding.bound(socket.localAddress().port());
                int slot = heartbeats.register();
                vertx.setPeriodic(EventLoopHeartbeats.PERIOD_MILLIS, id -> heartbeats.beat(slot));
                started.complete();
            } else {
                started.fail(ar.cause());
            }
        });
    }

    @Override
    public void stop(Promise<Void> stopped) {
        socket.close().onComplete(ar -> stopped.complete());
    }

    private void handle(DatagramPacket packet) {
        long start = System.nanoTime();
        byte[] bytes = packet.data().getBytes();
        Outcome outcome = processor.process(bytes, 0, bytes.length, System.currentTimeMillis() / 1000);
        SocketAddress sender = packet.sender();
        if (outcome instanceof Outcome.Replied replied) {
            replies.send(replied.datagram(), sender);
            metrics.replied(replied.request().type(), replied.body().status(), replied.datagram().length,
                    System.nanoTime() - start, replied.body().tooLarge());
            if (Log.isDebugEnabled()) {
                ConfdRequest r = replied.request();
                Log.debugf("%s:%d %s %s -> %s", sender.host(), sender.port(), r.type(), r.query(), replied.body());
            }
        } else {
            Outcome.Dropped dropped = (Outcome.Dropped) outcome;
            metrics.dropped(dropped.reason());
            if (Log.isDebugEnabled()) {
                Log.debugf("%s:%d dropped %d bytes: %s (%s)", sender.host(), sender.port(), bytes.length,
                        dropped.reason().tag(), dropped.detail());
            }
        }
    }
}
