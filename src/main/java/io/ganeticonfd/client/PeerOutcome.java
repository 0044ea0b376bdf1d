package io.ganeticonfd.client;

import io.ganeticonfd.protocol.ConfdReply;

/** What one asked peer did with a request; {@code reply} is set only for {@link Status#REPLIED}. */
public record PeerOutcome(Peer peer, Status status, ConfdReply reply) {

    /** How a peer answered. */
    public enum Status {
        /** A reply that verified (its status may still be an error). */
        REPLIED,
        /** Something came back but did not verify (wrong key, tampered, not a confd reply). */
        INVALID_REPLY,
        /** Nothing came back before the request expired (down, wrong key on its side, lost). */
        NO_REPLY,
        /** The request could not be sent to it (unreachable address family, local error). */
        NOT_SENT
    }
}
