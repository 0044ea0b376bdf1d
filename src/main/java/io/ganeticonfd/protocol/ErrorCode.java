package io.ganeticonfd.protocol;

import java.util.Optional;

/** Numeric error answers carried by replies with status ERROR. */
public enum ErrorCode {
    /** 0: the entry asked for does not exist. */
    UNKNOWN_ENTRY(0),
    /** 1: internal error. */
    INTERNAL(1),
    /** 2: the argument is not valid for this request type. */
    ARGUMENT(2);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The numeric code on the wire. */
    public int code() {
        return code;
    }

    /** The error with this wire code, if any. */
    public static Optional<ErrorCode> fromCode(int code) {
        for (ErrorCode e : values()) {
            if (e.code == code) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
