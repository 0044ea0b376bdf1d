package io.ganeticonfd.protocol;

/** Outcome of reading a reply datagram as a client: a verified reply, or why it is refused. */
public sealed interface ReplyDecodeResult {

    /** A reply whose HMAC verified with the client's key. */
    record Verified(ConfdReply reply) implements ReplyDecodeResult {}

    /** A refused datagram and the salt it claims (null when it names none). */
    record Refused(ReplyRejection reason, String claimedSalt) implements ReplyDecodeResult {}
}
