package io.ganeticonfd.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;

/** A stand-in for the syslog daemon: a Unix datagram socket bound at a path, keeping every datagram it reads. */
public final class DevLogReceiver implements AutoCloseable {

    private static final ChannelFactory<EpollDomainDatagramChannel> CHANNELS = EpollDomainDatagramChannel::new;

    private final EventLoopGroup loop = new EpollEventLoopGroup(1, new DefaultThreadFactory("devlog-receiver", true));
    private final List<String> records = new CopyOnWriteArrayList<>();
    private final Channel channel;

    private DevLogReceiver(Path path, boolean reading) {
        channel = new Bootstrap()
                .group(loop)
                .channelFactory(CHANNELS)
                .option(ChannelOption.AUTO_READ, reading)
                .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DomainDatagramPacket packet) {
                        records.add(packet.content().toString(StandardCharsets.UTF_8));
                    }
                })
                .bind(new DomainSocketAddress(path.toString()))
                .syncUninterruptibly()
                .channel();
    }

    /** Binds {@code path} (which must not exist) and reads from it. */
    public static DevLogReceiver bind(Path path) {
        return new DevLogReceiver(path, true);
    }

    /** Binds {@code path} without reading, so its queue fills up, until {@link #startReading()}. */
    public static DevLogReceiver bindNotReading(Path path) {
        return new DevLogReceiver(path, false);
    }

    /** Starts reading what is queued and what comes. */
    public void startReading() {
        channel.config().setAutoRead(true);
    }

    /** Every datagram read so far, as UTF-8 text. */
    public List<String> records() {
        return List.copyOf(records);
    }

    /** Closes the socket; its file stays, as a socket nobody listens on. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
