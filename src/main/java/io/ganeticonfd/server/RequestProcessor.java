package io.ganeticonfd.server;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ServingView;
import io.ganeticonfd.protocol.DecodeResult;
import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.ReplyEncoder;
import io.ganeticonfd.protocol.RequestDecoder;
import io.ganeticonfd.query.QueryEngine;

/**
 * The request path, free of transport: datagram bytes in, signed reply bytes (or a drop reason)
 * out. Reads the served snapshot and keys once per request. Thread-safe.
 */
public final class RequestProcessor {

    /** Largest UDP payload over IPv4; a larger reply cannot be sent in one datagram. */
    public static final int MAX_REPLY_BYTES = ReplyBody.MAX_DATAGRAM_BYTES;

    private final RequestDecoder decoder;
    private final QueryEngine engine;
    private final ServingView view;
    private final int maxReplyBytes;

    /** A processor answering from {@code view} with replies of at most {@code maxReplyBytes}. */
    public RequestProcessor(RequestDecoder decoder, QueryEngine engine, ServingView view, int maxReplyBytes) {
        this.decoder = decoder;
        this.engine = engine;
        this.view = view;
        this.maxReplyBytes = maxReplyBytes;
    }

    /** Processes one datagram received at {@code nowSeconds}. */
    public Outcome process(byte[] data, int off, int len, long nowSeconds) {
        DecodeResult decoded = decoder.decode(data, off, len, nowSeconds, view.keys());
        if (decoded instanceof DecodeResult.Rejected rejected) {
            return new Outcome.Dropped(rejected.reason(), rejected.detail());
        }
        DecodeResult.Accepted accepted = (DecodeResult.Accepted) decoded;
        ClusterSnapshot snapshot = view.snapshot();
        ReplyBody body = snapshot == null ? view.unavailableReply() : engine.answer(accepted.request(), snapshot);
        String rsalt = accepted.request().rsalt();
        byte[] datagram = ReplyEncoder.encode(body, rsalt, accepted.key());
        if (datagram.length <= maxReplyBytes) {
            return new Outcome.Replied(accepted.request(), body, datagram, body.tooLarge());
        }
        ReplyBody tooLarge = ReplyBody.tooLarge(datagram.length);
        return new Outcome.Replied(accepted.request(), tooLarge, ReplyEncoder.encode(tooLarge, rsalt, accepted.key()), true);
    }
}
