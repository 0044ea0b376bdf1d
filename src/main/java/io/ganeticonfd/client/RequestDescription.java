package io.ganeticonfd.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.NodeRole;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RequestType;

/**
 * What each of the twelve request types takes and answers: its argument's shape and name, its
 * command-line name and synopsis, how its answer is decoded ({@code T}) and how it is shown as text.
 * The one description the client, {@code query} and {@code bench} all read.
 *
 * @param <T> the decoded answer
 */
public final class RequestDescription<T> {

    /** Whether a request type takes the command line's ARG. */
    public enum Argument {
        /** No ARG. */
        NONE,
        /** ARG required. */
        REQUIRED,
        /** ARG optional. */
        OPTIONAL
    }

    /** 0: the configuration's version number. */
    public static final RequestDescription<Long> PING = new RequestDescription<>(
            RequestType.PING,
            Argument.NONE,
            null,
            "ping",
            "config version (liveness)",
            AnswerDecoders::number,
            v -> AnswerText.value("config version " + v));
    /** 1: the role of a node given by name, short name or UUID. */
    public static final RequestDescription<NodeRole> NODE_ROLE = new RequestDescription<>(
            RequestType.NODE_ROLE_BYNAME,
            Argument.REQUIRED,
            "a node name",
            "node-role NODE",
            "role: master, candidate, offline, drained or regular",
            AnswerDecoders::role,
            r -> AnswerText.value(r.name().toLowerCase(Locale.ROOT)));
    /** 2: the primary IP of the node running the instance with an IP (on a link). */
    public static final RequestDescription<String> NODE_PIP_BY_INSTANCE_IP = new RequestDescription<>(
            RequestType.NODE_PIP_BY_INSTANCE_IP,
            Argument.REQUIRED,
            "an instance IP",
            "node-pip-by-instance-ip IP [--link LINK]",
            "primary IP of the node running the instance with IP",
            AnswerDecoders::text,
            AnswerText::value);
    /** 3: the master node's name (with fields: see {@link ConfdClient#clusterMasterFields}). */
    public static final RequestDescription<String> CLUSTER_MASTER = new RequestDescription<>(
            RequestType.CLUSTER_MASTER,
            Argument.NONE,
            null,
            "master [--fields F,...]",
            "master node name; fields: 0|name, 1|master-ip, 2|node-primary-ip",
            AnswerDecoders::text,
            AnswerText::value);
    /** 4: the primary IPs of all nodes. */
    public static final RequestDescription<List<String>> NODE_PIP_LIST = new RequestDescription<>(
            RequestType.NODE_PIP_LIST,
            Argument.NONE,
            null,
            "node-pips",
            "primary IPs of all nodes",
            RequestDescription::texts,
            AnswerText::lines);
    /** 5: the primary IPs of the master candidates. */
    public static final RequestDescription<List<String>> MC_PIP_LIST = new RequestDescription<>(
            RequestType.MC_PIP_LIST,
            Argument.NONE,
            null,
            "mc-pips",
            "primary IPs of the master candidates",
            RequestDescription::texts,
            AnswerText::lines);
    /** 6: the instance IPs on a link (none given: the cluster's default link). */
    public static final RequestDescription<List<String>> INSTANCES_IPS_LIST = new RequestDescription<>(
            RequestType.INSTANCES_IPS_LIST,
            Argument.OPTIONAL,
            "a link",
            "instance-ips [LINK]",
            "instance IPs on LINK (default: the cluster's default link)",
            RequestDescription::texts,
            AnswerText::lines);
    /** 7: the DRBD minors of a node. */
    public static final RequestDescription<List<DrbdEntry>> NODE_DRBD = new RequestDescription<>(
            RequestType.NODE_DRBD,
            Argument.REQUIRED,
            "a node name",
            "node-drbd NODE",
            "DRBD minors of a node",
            a -> AnswerDecoders.list(a, AnswerDecoders::drbd),
            entries -> lines(
                    entries,
                    e -> "minor " + e.minor() + ": " + e.instance() + " " + e.disk() + " (" + e.role() + ", peer "
                            + e.peer() + ")"));
    /** 8: the primary and secondary instances of a node. */
    public static final RequestDescription<NodeInstances> NODE_INSTANCES = new RequestDescription<>(
            RequestType.NODE_INSTANCES,
            Argument.REQUIRED,
            "a node name",
            "node-instances NODE",
            "primary and secondary instances of a node",
            AnswerDecoders::nodeInstances,
            RequestDescription::instances);
    /** 9: the disks of an instance, in its disk order. */
    public static final RequestDescription<List<DiskInfo>> INSTANCE_DISKS = new RequestDescription<>(
            RequestType.INSTANCE_DISKS,
            Argument.REQUIRED,
            "an instance name",
            "instance-disks INSTANCE",
            "disks of an instance",
            a -> AnswerDecoders.list(a, AnswerDecoders::disk),
            disks -> lines(
                    disks,
                    d -> d.ivName() + ": " + d.devType() + ", " + d.size() + " MiB, " + d.mode() + " (" + d.uuid()
                            + ")"));
    /** 10: the configuration value at a JSON pointer. */
    public static final RequestDescription<JsonNode> CONFIG_QUERY = new RequestDescription<>(
            RequestType.CONFIG_QUERY,
            Argument.REQUIRED,
            "a JSON pointer such as /cluster/cluster_name",
            "config POINTER",
            "config value at a JSON pointer, e.g. /cluster/cluster_name",
            Function.identity(),
            a -> a.isValueNode() ? AnswerText.value(a.isTextual() ? a.asText() : a.toString()) : AnswerText.json(a));
    /** 11: the settings of each data collector, by name. */
    public static final RequestDescription<Map<String, DataCollector>> DATA_COLLECTORS = new RequestDescription<>(
            RequestType.DATA_COLLECTORS,
            Argument.NONE,
            null,
            "data-collectors",
            "data collector settings",
            AnswerDecoders::dataCollectors,
            RequestDescription::collectors);

    private static final List<RequestDescription<?>> ALL = List.of(
            PING,
            NODE_ROLE,
            NODE_PIP_BY_INSTANCE_IP,
            CLUSTER_MASTER,
            NODE_PIP_LIST,
            MC_PIP_LIST,
            INSTANCES_IPS_LIST,
            NODE_DRBD,
            NODE_INSTANCES,
            INSTANCE_DISKS,
            CONFIG_QUERY,
            DATA_COLLECTORS);

    private final RequestType type;
    private final Argument argument;
    private final String argumentName;
    private final String synopsis;
    private final String summary;
    private final Function<JsonNode, T> decoder;
    private final Function<T, AnswerText> shown;

    private RequestDescription(
            RequestType type,
            Argument argument,
            String argumentName,
            String synopsis,
            String summary,
            Function<JsonNode, T> decoder,
            Function<T, AnswerText> shown) {
        this.type = type;
        this.argument = argument;
        this.argumentName = argumentName;
        this.synopsis = synopsis;
        this.summary = summary;
        this.decoder = decoder;
        this.shown = shown;
    }

    /** The description of {@code type}. */
    public static RequestDescription<?> of(RequestType type) {
        return ALL.get(type.code());
    }

    /** Every description, in wire-code order. */
    public static List<RequestDescription<?>> all() {
        return ALL;
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

    /**
     * The query sent for the command line's {@code arg} (null: none), {@code link} (node-pip-by-instance-ip;
     * null: the default link) and master {@code fields} (null or empty: the master's name only).
     */
    public QueryArgument query(String arg, String link, List<MasterField> fields) {
        if (type == RequestType.NODE_PIP_BY_INSTANCE_IP) {
            return new QueryArgument.Dict(link, arg, List.of(), List.of());
        }
        if (type == RequestType.CLUSTER_MASTER && fields != null && !fields.isEmpty()) {
            return new QueryArgument.Dict(null, null, List.of(), fields);
        }
        return arg == null ? QueryArgument.None.INSTANCE : new QueryArgument.Plain(arg);
    }

    /** The answer decoded; throws {@link IllegalArgumentException} for an answer of the wrong shape. */
    public T decode(JsonNode answer) {
        return decoder.apply(answer);
    }

    /** An OK answer to {@code query} shown for people; an answer of an unexpected shape as indented JSON. */
    public AnswerText text(QueryArgument query, JsonNode answer) {
        try {
            if (query instanceof QueryArgument.Dict dict
                    && type == RequestType.CLUSTER_MASTER
                    && !dict.fields().isEmpty()) {
                Map<MasterField, String> values = AnswerDecoders.masterFields(answer, dict.fields());
                return lines(dict.fields(), f -> f.cliName() + ": " + values.get(f));
            }
            return shown.apply(decode(answer));
        } catch (RuntimeException e) {
            return AnswerText.json(answer);
        }
    }

    @Override
    public String toString() {
        return type.toString();
    }

    private static List<String> texts(JsonNode answer) {
        return AnswerDecoders.list(answer, AnswerDecoders::text);
    }

    private static <E> AnswerText lines(List<E> elements, Function<E, String> line) {
        List<String> out = new ArrayList<>(elements.size());
        elements.forEach(e -> out.add(line.apply(e)));
        return AnswerText.lines(out);
    }

    private static AnswerText instances(NodeInstances ni) {
        List<String> out = new ArrayList<>();
        ni.primaries().forEach(i -> out.add("primary   " + i.name()));
        ni.secondaries().forEach(i -> out.add("secondary " + i.name()));
        return AnswerText.lines(out);
    }

    private static AnswerText collectors(Map<String, DataCollector> collectors) {
        List<String> out = new ArrayList<>();
        collectors.forEach((name, c) -> out.add(name + ": " + (c.active() ? "active" : "inactive") + ", every "
                + new BigDecimal(c.interval().toNanos() / 1000)
                        .movePointLeft(6)
                        .stripTrailingZeros()
                        .toPlainString() + " s"));
        return AnswerText.lines(out);
    }
}
