package io.ganeticonfd.client;

import java.util.Arrays;
import java.util.List;

import io.ganeticonfd.protocol.RequestType;

/**
 * What each of the twelve request types takes and answers: its argument's shape and name, its
 * command-line name and synopsis; the one description the client, {@code query} and {@code bench} all read.
 */
public final class RequestDescription {

    /** Whether a request type takes the command line's ARG. */
    public enum Argument {
        /** No ARG. */
        NONE,
        /** ARG required. */
        REQUIRED,
        /** ARG optional. */
        OPTIONAL
    }

    private static final RequestDescription[] BY_TYPE = {
        new RequestDescription(RequestType.PING, Argument.NONE, null, "ping", "config version (liveness)"),
        new RequestDescription(RequestType.NODE_ROLE_BYNAME, Argument.REQUIRED, "a node name", "node-role NODE",
                "role: master, candidate, offline, drained or regular"),
        new RequestDescription(RequestType.NODE_PIP_BY_INSTANCE_IP, Argument.REQUIRED, "an instance IP",
                "node-pip-by-instance-ip IP [--link LINK]", "primary IP of the node running the instance with IP"),
        new RequestDescription(RequestType.CLUSTER_MASTER, Argument.NONE, null, "master [--fields F,...]",
                "master node name; fields: 0|name, 1|master-ip, 2|node-primary-ip"),
        new RequestDescription(RequestType.NODE_PIP_LIST, Argument.NONE, null, "node-pips", "primary IPs of all nodes"),
        new RequestDescription(RequestType.MC_PIP_LIST, Argument.NONE, null, "mc-pips",
                "primary IPs of the master candidates"),
        new RequestDescription(RequestType.INSTANCES_IPS_LIST, Argument.OPTIONAL, "a link", "instance-ips [LINK]",
                "instance IPs on LINK (default: the cluster's default link)"),
        new RequestDescription(RequestType.NODE_DRBD, Argument.REQUIRED, "a node name", "node-drbd NODE",
                "DRBD minors of a node"),
        new RequestDescription(RequestType.NODE_INSTANCES, Argument.REQUIRED, "a node name", "node-instances NODE",
                "primary and secondary instances of a node"),
        new RequestDescription(RequestType.INSTANCE_DISKS, Argument.REQUIRED, "an instance name",
                "instance-disks INSTANCE", "disks of an instance"),
        new RequestDescription(RequestType.CONFIG_QUERY, Argument.REQUIRED, "a JSON pointer such as /cluster/cluster_name",
                "config POINTER", "config value at a JSON pointer, e.g. /cluster/cluster_name"),
        new RequestDescription(RequestType.DATA_COLLECTORS, Argument.NONE, null, "data-collectors",
                "data collector settings"),
    };

    private final RequestType type;
    private final Argument argument;
    private final String argumentName;
    private final String synopsis;
    private final String summary;

    private RequestDescription(RequestType type, Argument argument, String argumentName, String synopsis, String summary) {
        this.type = type;
        this.argument = argument;
        this.argumentName = argumentName;
        this.synopsis = synopsis;
        this.summary = summary;
    }

    /** The description of {@code type}. */
    public static RequestDescription of(RequestType type) {
        return BY_TYPE[type.code()];
    }

    /** Every description, in wire-code order. */
    public static List<RequestDescription> all() {
        return Arrays.asList(BY_TYPE.clone());
    }

    /** The request type described. */
    public RequestType type() {
        return type;
    }

    /** The command-line name of the type. */
    public String cliName() {
        return type.cliName();
    }

    /** Whether the type takes an ARG. */
    public Argument argument() {
        return argument;
    }

    /** What the ARG is, in words ("a node name"); null when the type takes none. */
    public String argumentName() {
        return argumentName;
    }

    /** How the command line asks it ({@code node-role NODE}). */
    public String synopsis() {
        return synopsis;
    }

    /** What it answers, in a few words. */
    public String summary() {
        return summary;
    }
}
