package io.ganeticonfd.server;

import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.RejectReason;
import io.ganeticonfd.protocol.ReplyBody;

/** What happened to one datagram. */
public sealed interface Outcome {

    /**
     * Answered: the request, the reply body sent and the signed datagram. When the real answer did
     * not fit in one datagram, the body is the error reply sent instead ({@link ReplyBody#tooLarge()}).
     */
    record Replied(ConfdRequest request, ReplyBody body, byte[] datagram) implements Outcome {}

    /** Dropped without a reply. */
    record Dropped(RejectReason reason, String detail) implements Outcome {}
}
