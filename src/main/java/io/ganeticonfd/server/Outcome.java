package io.ganeticonfd.server;

import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.RejectReason;
import io.ganeticonfd.protocol.ReplyBody;

/** What happened to one datagram. */
public sealed interface Outcome {

    /**
     * Answered: the request, the reply body sent and the signed datagram. {@code oversize} is true
     * when the real answer did not fit in one datagram and an error reply was sent instead.
     */
    record Replied(ConfdRequest request, ReplyBody body, byte[] datagram, boolean oversize) implements Outcome {
    }

    /** Dropped without a reply. */
    record Dropped(RejectReason reason, String detail) implements Outcome {
    }
}
