package io.ganeticonfd.protocol;

import java.util.Locale;
import java.util.Optional;

/** Field codes of a CLUSTER_MASTER dict query (member "3"). */
public enum MasterField {
    /** 0: the master node's name. */
    NAME(0),
    /** 1: the cluster's master IP. */
    MASTER_IP(1),
    /** 2: the master node's primary IP. */
    NODE_PRIMARY_IP(2);

    private static final MasterField[] BY_CODE = values();

    private final int code;

    MasterField(int code) {
        this.code = code;
    }

    /** The numeric code on the wire. */
    public int code() {
        return code;
    }

    /** The name used by the command line client ({@code master-ip}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The field with this command-line name or decimal wire code, if any. */
    public static Optional<MasterField> fromName(String name) {
        for (MasterField f : BY_CODE) {
            if (f.cliName().equals(name) || Integer.toString(f.code).equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The field with this wire code, if any. */
    public static Optional<MasterField> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }
}
