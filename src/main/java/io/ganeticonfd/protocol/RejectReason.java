package io.ganeticonfd.protocol;

/** Why a datagram was dropped without a reply. Used as a metric tag and in debug logs. */
public enum RejectReason {
    /** Longer than the request size limit. */
    OVERSIZE("oversize"),
    /** Does not start with {@code plj0}. */
    BAD_MAGIC("bad_magic"),
    /** The envelope is not valid JSON. */
    BAD_JSON("bad_json"),
    /** The envelope is JSON, but not exactly the string members msg, salt and hmac. */
    BAD_ENVELOPE("bad_envelope"),
    /** The HMAC does not verify with any accepted key. */
    BAD_HMAC("bad_hmac"),
    /** The salt is not a decimal timestamp. */
    BAD_SALT("bad_salt"),
    /** The timestamp is outside the allowed clock skew. */
    CLOCK_SKEW("clock_skew"),
    /** The signed message is not a valid request. */
    BAD_REQUEST("bad_request"),
    /** The request type is not one of the twelve. */
    UNKNOWN_TYPE("unknown_type");

    private final String tag;

    RejectReason(String tag) {
        this.tag = tag;
    }

    /** The lower-case name used in metrics and logs. */
    public String tag() {
        return tag;
    }
}
