package io.ganeticonfd.protocol;

import java.util.Optional;

/** The twelve confd request types, each with its wire code and a command-line name. */
public enum RequestType {
    /** 0: liveness check; answers the config version. */
    PING(0, "ping"),
    /** 1: role of a node, by name, short name or UUID. */
    NODE_ROLE_BYNAME(1, "node-role"),
    /** 2: primary IP of the node running the instance with an IP. */
    NODE_PIP_BY_INSTANCE_IP(2, "node-pip-by-instance-ip"),
    /** 3: the cluster master (name, or a list of fields). */
    CLUSTER_MASTER(3, "master"),
    /** 4: primary IPs of all nodes. */
    NODE_PIP_LIST(4, "node-pips"),
    /** 5: primary IPs of all master candidates. */
    MC_PIP_LIST(5, "mc-pips"),
    /** 6: instance IPs on a link. */
    INSTANCES_IPS_LIST(6, "instance-ips"),
    /** 7: DRBD minors of a node. */
    NODE_DRBD(7, "node-drbd"),
    /** 8: primary and secondary instances of a node. */
    NODE_INSTANCES(8, "node-instances"),
    /** 9: disks of an instance. */
    INSTANCE_DISKS(9, "instance-disks"),
    /** 10: any config value, by JSON pointer. */
    CONFIG_QUERY(10, "config"),
    /** 11: data collector settings. */
    DATA_COLLECTORS(11, "data-collectors");

    private static final RequestType[] BY_CODE = values();

    private final int code;
    private final String cliName;

    RequestType(int code, String cliName) {
        this.code = code;
        this.cliName = cliName;
    }

    /** The numeric code on the wire. */
    public int code() {
        return code;
    }

    /** The name used by the command line client. */
    public String cliName() {
        return cliName;
    }

    /** The type with this wire code, if any. */
    public static Optional<RequestType> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    /** The type with this command-line name, enum name or decimal code, if any. */
    public static Optional<RequestType> fromName(String name) {
        for (RequestType t : BY_CODE) {
            if (t.cliName.equals(name) || t.name().equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        try {
            return fromCode(Integer.parseInt(name));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
