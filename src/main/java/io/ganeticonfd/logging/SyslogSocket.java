package io.ganeticonfd.logging;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

/**
 * A Unix datagram socket connected to the local syslog socket, on its own one-thread Netty epoll loop.
 * {@link #send} never blocks: a record the socket cannot take now (backlog full, no syslog daemon) is
 * dropped and counted, and the count is sent as a note once a record gets through again. After a failed
 * send it reconnects (as glibc's syslog(3) does), so a restarted syslog daemon is picked up.
 */
final class SyslogSocket implements AutoCloseable {

    /** Records waiting in Netty beyond this many bytes make the socket unwritable: new ones are dropped. */
    static final WriteBufferWaterMark BACKLOG = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private static final long RECONNECT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long CLOSE_WAIT_SECONDS = 2;
    private static final ChannelFactory<EpollDomainDatagramChannel> CHANNELS = EpollDomainDatagramChannel::new;

    private final Path path;
    private final DomainSocketAddress address;
    private final LongFunction<byte[]> lostNote;
    private final EventLoopGroup loop;
    private final Bootstrap bootstrap;
    private final AtomicLong lost = new AtomicLong();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile Channel channel;
    private volatile String problem;
    private volatile long lastAttempt = System.nanoTime() - RECONNECT_INTERVAL_NANOS;
    private volatile boolean closed;

    private SyslogSocket(Path path, LongFunction<byte[]> lostNote) {
        this.path = path;
        this.address = new DomainSocketAddress(path.toString());
        this.lostNote = lostNote;
        this.loop = new EpollEventLoopGroup(1, new DefaultThreadFactory("syslog", true));
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(CHANNELS)
                .handler(IgnoreInbound.INSTANCE)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, BACKLOG);
    }

    /**
     * Opens the socket and connects it to {@code path} once, waiting for the outcome; when that fails,
     * {@link #problem()} says why and sending drops records until a later reconnect succeeds.
     * {@code lostNote} formats the note "n records were dropped".
     */
    static SyslogSocket open(Path path, LongFunction<byte[]> lostNote) {
        SyslogSocket socket = new SyslogSocket(path, lostNote);
        socket.connecting.set(true);
        socket.connect().awaitUninterruptibly();
        return socket;
    }

    /** Whether the socket is connected now. */
    boolean connected() {
        return channel != null;
    }

    /** Why the latest connect failed ("connection refused", ...), or null after a successful one. */
    String problem() {
        return problem;
    }

    /** Records dropped and not yet reported in a note. */
    long lost() {
        return lost.get();
    }

    /** Whether the caller runs on this socket's own thread (whose log records must not be sent: no feedback loop). */
    boolean onOwnThread() {
        return loop.next().inEventLoop();
    }

    /** Sends one datagram, or drops it (counted) when the socket is not connected or has a full backlog. */
    void send(byte[] record) {
        Channel ch = channel;
        if (ch == null || !ch.isWritable()) {
            lost.incrementAndGet();
            if (ch == null) {
                reconnectSoon();
            }
            return;
        }
        write(ch, record).addListener(f -> sent(ch, f));
    }

    private ChannelFuture write(Channel ch, byte[] datagram) {
        ByteBuf buf = ch.alloc().directBuffer(datagram.length).writeBytes(datagram);
        return ch.writeAndFlush(buf);
    }

    private void sent(Channel ch, Future<?> outcome) {
        if (!outcome.isSuccess()) {
            lost.incrementAndGet();
            disconnect(ch);
            reconnectSoon();
            return;
        }
        long dropped = lost.getAndSet(0);
        if (dropped > 0) {
            write(ch, lostNote.apply(dropped)).addListener(f -> {
                if (!f.isSuccess()) {
                    lost.addAndGet(dropped);
                }
            });
        }
    }

    private void disconnect(Channel ch) {
        if (channel == ch) {
            channel = null;
        }
        ch.close();
    }

    private void reconnectSoon() {
        if (closed
                || System.nanoTime() - lastAttempt < RECONNECT_INTERVAL_NANOS
                || !connecting.compareAndSet(false, true)) {
            return;
        }
        connect();
    }

    /** Connects a new channel; the caller has set {@code connecting}, which this clears when done. */
    private Future<Void> connect() {
        lastAttempt = System.nanoTime();
        Promise<Void> done = loop.next().newPromise();
        bootstrap.connect(address).addListener((ChannelFuture f) -> {
            if (f.isSuccess() && !closed) {
                channel = f.channel();
                problem = null;
            } else if (f.isSuccess()) {
                f.channel().close();
            } else {
                problem = SyslogSocketProbe.describe(f.cause(), path);
            }
            connecting.set(false);
            done.setSuccess(null);
        });
        return done;
    }

    /** Sends what was already handed over (waiting at most 2 s), closes the socket and stops its thread. */
    @Override
    public void close() {
        closed = true;
        Channel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        loop.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Discards anything read (nothing is: auto-read is off) and ignores exceptions, which failed writes report. */
    @ChannelHandler.Sharable
    private static final class IgnoreInbound extends ChannelInboundHandlerAdapter {
        static final IgnoreInbound INSTANCE = new IgnoreInbound();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a failed send fails its write's future, where it is counted
        }
    }
}
