package io.ganeticonfd.protocol;

/** Outcome of decoding a request datagram: an authenticated request, or the reason it is dropped. */
public sealed interface DecodeResult {

    /** A verified request and the key that verified it (replies are signed with that key). */
    record Accepted(ConfdRequest request, HmacKey key) implements DecodeResult {}

    /** A dropped datagram. {@code detail} is for debug logs only. */
    record Rejected(RejectReason reason, String detail) implements DecodeResult {}
}
