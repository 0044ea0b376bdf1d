package io.ganeticonfd.client;

import java.util.Arrays;
import java.util.List;

import io.ganeticonfd.protocol.RequestType;

/**
 * What each of the twelve request types takes: its argument's shape and name, and its command-line
 * name; the one description the client, {@code query} and {@code bench} all read.
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
        new RequestDescription(RequestType.PING, Argument.NONE, null),
        new RequestDescription(RequestType.NODE_ROLE_BYNAME, Argument.REQUIRED, "a node name"),
        new RequestDescription(RequestType.NODE_PIP_BY_INSTANCE_IP, Argument.REQUIRED, "an instance IP"),
        new RequestDescription(RequestType.CLUSTER_MASTER, Argument.NONE, null),
        new RequestDescription(RequestType.NODE_PIP_LIST, Argument.NONE, null),
        new RequestDescription(RequestType.MC_PIP_LIST, Argument.NONE, null),
        new RequestDescription(RequestType.INSTANCES_IPS_LIST, Argument.OPTIONAL, "a link"),
        new RequestDescription(RequestType.NODE_DRBD, Argument.REQUIRED, "a node name"),
        new RequestDescription(RequestType.NODE_INSTANCES, Argument.REQUIRED, "a node name"),
        new RequestDescription(RequestType.INSTANCE_DISKS, Argument.REQUIRED, "an instance name"),
        new RequestDescription(RequestType.CONFIG_QUERY, Argument.REQUIRED, "a JSON pointer such as /cluster/cluster_name"),
        new RequestDescription(RequestType.DATA_COLLECTORS, Argument.NONE, null),
    };

    private final RequestType type;
    private final Argument argument;
    private final String argumentName;

    private RequestDescription(RequestType type, Argument argument, String argumentName) {
        this.type = type;
        this.argument = argument;
        this.argumentName = argumentName;
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
}
