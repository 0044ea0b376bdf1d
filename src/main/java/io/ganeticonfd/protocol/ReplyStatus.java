package io.ganeticonfd.protocol;

import java.util.Optional;

/** Status of a confd reply. */
public enum ReplyStatus {
    /** 0: the answer is the value asked for. */
    OK(0),
    /** 1: the answer is an error code or message. */
    ERROR(1),
    /** 2: request not implemented (defined by the protocol, never sent by Ganeti). */
    NOT_IMPLEMENTED(2);

    private final int code;

    ReplyStatus(int code) {
        this.code = code;
    }

    /** The numeric code on the wire. */
    public int code() {
        return code;
    }

    /** The status with this wire code, if any. */
    public static Optional<ReplyStatus> fromCode(int code) {
        for (ReplyStatus s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
