package io.ganeticonfd.protocol;

/** Why a client refuses a reply datagram; {@link #text()} says it in a few words for reports. */
public enum ReplyRejection {
    /** No {@code plj0} prefix. */
    BAD_MAGIC("bad magic"),
    /** The envelope is not a JSON object with string members msg, salt and hmac. */
    BAD_ENVELOPE("envelope lacks msg/salt/hmac"),
    /** The hmac is not the HMAC-SHA1 of salt and msg under the client's key. */
    HMAC_MISMATCH("HMAC mismatch"),
    /** The signed message is not a reply with status, answer and serial. */
    BAD_MESSAGE("bad reply message");

    private final String text;

    ReplyRejection(String text) {
        this.text = text;
    }

    /** A few words for reports. */
    public String text() {
        return text;
    }
}
