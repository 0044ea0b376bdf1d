package io.ganeticonfd.server;

import java.net.InetSocketAddress;

import io.ganeticonfd.protocol.ConfdRequest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.quarkus.logging.Log;

/**
 * Reads request datagrams on one UDP channel, runs each through the {@link RequestProcessor} and
 * writes the reply to its sender; the replies to one batch of reads are flushed together (one
 * sendmmsg with the native transport). Each datagram is copied into one array reused for the
 * channel's life, so one handler serves one channel (not sharable). Runs on the channel's event loop.
 *
 * <p>The clock is read once per request: the wall clock (for the requests' timestamps, checked to
 * the second) once per batch of reads, and the end of one request's handling is the start of the
 * next one's in the same batch (nothing runs between them but the pipeline's dispatch).
 */
final class DatagramHandler extends ChannelInboundHandlerAdapter {

    private final RequestProcessor processor;
    private final ConfdMetrics metrics;
    private final byte[] request;
    /** Whether a batch of reads is under way: {@link #batchSeconds} and {@link #lastEnd} hold. */
    private boolean inBatch;
    /** The wall clock in seconds when the current batch of reads began. */
    private long batchSeconds;
    /** When the previous request of the current batch was handled ({@link System#nanoTime}). */
    private long lastEnd;

    DatagramHandler(RequestProcessor processor, ConfdMetrics metrics, int readBytes) {
        this.processor = processor;
        this.metrics = metrics;
        this.request = new byte[readBytes];
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            handle(ctx, packet);
        } finally {
            packet.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inBatch = false;
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // e.g. a reply to a sender that went away: nothing to do but note it
        Log.debugf("UDP socket %s: %s", ctx.channel().localAddress(), cause.toString());
    }

    private void handle(ChannelHandlerContext ctx, DatagramPacket packet) {
        if (!inBatch) {
            inBatch = true;
            batchSeconds = System.currentTimeMillis() / 1000;
            lastEnd = System.nanoTime();
        }
        long start = lastEnd;
        ByteBuf content = packet.content();
        int length = Math.min(content.readableBytes(), request.length);
        content.getBytes(content.readerIndex(), request, 0, length);
        Outcome outcome = processor.process(request, 0, length, batchSeconds);
        InetSocketAddress sender = packet.sender();
        if (outcome instanceof Outcome.Replied replied) {
            byte[] datagram = replied.datagram();
            // straight into a pooled direct buffer: a heap buffer would be copied into one by the transport
            ByteBuf reply = ctx.alloc().directBuffer(datagram.length).writeBytes(datagram);
            ctx.write(new DatagramPacket(reply, sender), ctx.voidPromise());
            lastEnd = System.nanoTime();
            metrics.replied(
                    replied.request().type(),
                    replied.body().status(),
                    datagram.length,
                    lastEnd - start,
                    replied.body().tooLarge());
            if (Log.isDebugEnabled()) {
                ConfdRequest r = replied.request();
                Log.debugf(
                        "%s:%d %s %s -> %s",
                        sender.getAddress().getHostAddress(), sender.getPort(), r.type(), r.query(), replied.body());
            }
        } else {
            Outcome.Dropped dropped = (Outcome.Dropped) outcome;
            lastEnd = System.nanoTime();
            metrics.dropped(dropped.reason());
            if (Log.isDebugEnabled()) {
                Log.debugf(
                        "%s:%d dropped %d bytes: %s (%s)",
                        sender.getAddress().getHostAddress(),
                        sender.getPort(),
                        length,
                        dropped.reason().tag(),
                        dropped.detail());
            }
        }
    }
}
