package io.ganeticonfd.protocol;

import java.util.Optional;

/** Role of a node as answered by NODE_ROLE_BYNAME. */
public enum NodeRole {
    /** 0: the cluster master. */
    MASTER(0),
    /** 1: a master candidate. */
    CANDIDATE(1),
    /** 2: an offline node. */
    OFFLINE(2),
    /** 3: a drained node. */
    DRAINED(3),
    /** 4: a regular node. */
    REGULAR(4);

    private final int code;

    NodeRole(int code) {
        this.code = code;
    }

    /** The numeric code on the wire. */
    public int code() {
        return code;
    }

    /** The role with this wire code, if any. */
    public static Optional<NodeRole> fromCode(int code) {
        for (NodeRole r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
