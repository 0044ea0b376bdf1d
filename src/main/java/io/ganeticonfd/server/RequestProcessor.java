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

    private final RequestDecoder decoder;
    private final QueryEngine engine;
    private final ServingView view;

    /**
     * A processor answering from {@code view}; a reply that does not fit in one datagram
     * ({@link ReplyBody#MAX_DATAGRAM_BYTES}) is replaced by an error reply saying so.
     */
    public RequestProcessor(RequestDecoder decoder, QueryEngine engine, ServingView view) {
        this.decoder = decoder;
        this.engine = engine;
        this.view = view;
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
        if (datagram.length <= ReplyBody.MAX_DATAGRAM_BYTES) {
            return new Outcome.Replied(accepted.request(), body, datagram);
        }
        ReplyBody tooLarge = ReplyBody.tooLarge(datagram.length);
        return new Outcome.Replied(accepted.request(), tooLarge, ReplyEncoder.encode(tooLarge, rsalt, accepted.key()));
    }
}
