package io.ganeticonfd.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One UDP socket on one of Vert.x's event loops, as a Netty channel the daemon owns: bound with
 * Netty's public bootstrap on {@code Vertx.nettyEventLoopGroup()}, read by a {@link DatagramHandler}.
 * Several listeners share the port with SO_REUSEPORT (native transport only). The loop also ticks
 * the {@link EventLoopHeartbeats}, so a blocked loop shows in liveness.
 */
final class UdpListener {

    private final Channel channel;
    private final ScheduledFuture<?> heartbeat;

    private UdpListener(Channel channel, ScheduledFuture<?> heartbeat) {
        this.channel = channel;
        this.heartbeat = heartbeat;
    }

    /**
     * Binds one listener on a loop of {@code loops}; completes with it once bound, or exceptionally
     * with the bind error. {@code nativeTransport} says whether the loops are epoll loops.
     */
    static CompletableFuture<UdpListener> bind(
            EventLoopGroup loops,
            boolean nativeTransport,
            UdpBinding binding,
            DatagramHandler handler,
            EventLoopHeartbeats heartbeats) {
        CompletableFuture<UdpListener> bound = new CompletableFuture<>();
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(binding.host()), binding.port());
        } catch (java.net.UnknownHostException e) {
            bound.completeExceptionally(new java.io.IOException("unknown address " + binding.host()));
            return bound;
        }
        InternetProtocolFamily family = address.getAddress() instanceof java.net.Inet6Address
                ? InternetProtocolFamily.IPv6
                : InternetProtocolFamily.IPv4;
        ChannelFactory<Channel> factory =
                nativeTransport ? () -> new EpollDatagramChannel(family) : () -> new NioDatagramChannel(family);
        Bootstrap bootstrap =
                new Bootstrap().group(loops).channelFactory(factory).handler(handler);
        binding.tuning().apply(bootstrap, nativeTransport);
        if (binding.reusePort()) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true).option(ChannelOption.SO_REUSEADDR, true);
        }
        ChannelFuture future = bootstrap.bind(address);
        future.addListener(f -> {
            if (!f.isSuccess()) {
                bound.completeExceptionally(f.cause());
                return;
            }
            Channel channel = future.channel();
            binding.bound(((InetSocketAddress) channel.localAddress()).getPort());
            int slot = heartbeats.register();
            ScheduledFuture<?> tick = channel.eventLoop()
                    .scheduleAtFixedRate(
                            () -> heartbeats.beat(slot),
                            EventLoopHeartbeats.PERIOD_MILLIS,
                            EventLoopHeartbeats.PERIOD_MILLIS,
                            TimeUnit.MILLISECONDS);
            bound.complete(new UdpListener(channel, tick));
        });
        return bound;
    }

    /** Closes the socket; waits at most {@code millis} for it. */
    void close(long millis) {
        heartbeat.cancel(false);
        channel.close().awaitUninterruptibly(millis);
    }
}
