package io.ganeticonfd.server;

import io.ganeticonfd.config.ServedConfig;
import io.ganeticonfd.protocol.DecodeResult;
import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.ReplyEncoder;
import io.ganeticonfd.protocol.RequestDecoder;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;

/**
 * The request path, free of transport: datagram bytes in, signed reply bytes (or a drop reason)
 * out. Reads the served answers and keys once per request. Thread-safe.
 */
public final class RequestProcessor {

    private final RequestDecoder decoder;
    private final QueryEngine engine;
    private final ServedConfig<PreparedAnswers> served;

    /**
     * A processor answering from {@code served}; a reply that does not fit in one datagram
     * ({@link ReplyBody#MAX_DATAGRAM_BYTES}) is replaced by an error reply saying so.
     */
    public RequestProcessor(RequestDecoder decoder, QueryEngine engine, ServedConfig<PreparedAnswers> served) {
        this.decoder = decoder;
        this.engine = engine;
        this.served = served;
    }

    /** Processes one datagram received at {@code nowSeconds}. */
    public Outcome process(byte[] data, int off, int len, long nowSeconds) {
        DecodeResult decoded = decoder.decode(data, off, len, nowSeconds, served.keys());
        if (decoded instanceof DecodeResult.Rejected rejected) {
            return new Outcome.Dropped(rejected.reason(), rejected.detail());
        }
        DecodeResult.Accepted accepted = (DecodeResult.Accepted) decoded;
        ReplyBody body = engine.answer(accepted.request(), served.answers());
        String rsalt = accepted.request().rsalt();
        byte[] datagram = ReplyEncoder.encode(body, rsalt, accepted.key());
        if (datagram.length <= ReplyBody.MAX_DATAGRAM_BYTES) {
            return new Outcome.Replied(accepted.request(), body, datagram);
        }
        ReplyBody tooLarge = ReplyBody.tooLarge(datagram.length);
        return new Outcome.Replied(accepted.request(), tooLarge, ReplyEncoder.encode(tooLarge, rsalt, accepted.key()));
    }
}
