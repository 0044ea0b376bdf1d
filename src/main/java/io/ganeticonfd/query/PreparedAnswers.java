package io.ganeticonfd.query;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.Node;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.NodeRole;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * The answers served with one snapshot, swapped in together with it: those that do not depend on
 * the query argument, built by {@link #of} when the snapshot is loaded (off the request path), and
 * per-snapshot caches of the answers about one node, instance, link, IP or pointer, filled on first
 * request. {@link #unavailable} stands for "no snapshot" and answers every request with one error.
 */
public final class PreparedAnswers {

    /** How many pointer answers a snapshot caches; beyond that they are computed on each request. */
    static final int MAX_CACHED_POINTERS = 4096;

    /** An IP owned by an instance on a link. */
    record LinkIp(String link, String ip) {}

    private final ClusterSnapshot snapshot;
    private final ReplyBody unavailable;
    /** PING. */
    final ReplyBody ping;
    /** The error for requests about the master while the config names an unknown one; null with a known master. */
    final ReplyBody unknownMaster;
    /** CLUSTER_MASTER without argument; null without a known master. */
    final ReplyBody masterName;
    /** CLUSTER_MASTER's field values as JSON, by field; empty without a known master. */
    final Map<MasterField, String> masterFields;
    /** NODE_ROLE_BYNAME, by role. */
    final Map<NodeRole, ReplyBody> roles;
    /** NODE_PIP_LIST. */
    final ReplyBody nodePips;
    /** MC_PIP_LIST. */
    final ReplyBody candidatePips;
    /** DATA_COLLECTORS. */
    final ReplyBody dataCollectors;
    /** INSTANCES_IPS_LIST for a link without instance IPs. */
    final ReplyBody noInstanceIps;
    /** INSTANCES_IPS_LIST by link (the default link's prepared). */
    final Map<String, ReplyBody> ipsByLink = new ConcurrentHashMap<>();
    /** NODE_PIP_BY_INSTANCE_IP for one IP, by link and IP owned by an instance. */
    final Map<LinkIp, ReplyBody> nodePipByIp = new ConcurrentHashMap<>();
    /** NODE_DRBD by node key. */
    final Map<String, ReplyBody> drbdByNode = new ConcurrentHashMap<>();
    /** NODE_INSTANCES by node key. */
    final Map<String, ReplyBody> instancesByNode = new ConcurrentHashMap<>();
    /** INSTANCE_DISKS by instance key. */
    final Map<String, ReplyBody> disksByInstance = new ConcurrentHashMap<>();
    /** CONFIG_QUERY by pointer, up to {@link #MAX_CACHED_POINTERS}. */
    final Map<String, ReplyBody> pointers = new ConcurrentHashMap<>();

    private PreparedAnswers(ClusterSnapshot s) {
        this.snapshot = s;
        this.unavailable = null;
        this.ping = PingHandler.prepare(s);
        Node master = s.cluster().master();
        this.unknownMaster = master == null ? CommonReplies.unknownMaster(s) : null;
        this.masterName = master == null ? null : ClusterMasterHandler.name(s, master);
        this.masterFields = master == null ? Map.of() : ClusterMasterHandler.fieldValues(s, master);
        this.roles = new EnumMap<>(NodeRole.class);
        for (NodeRole role : NodeRole.values()) {
            roles.put(role, NodeRoleHandler.body(role, s));
        }
        this.nodePips = NodePipListHandler.prepare(s, n -> true);
        this.candidatePips = NodePipListHandler.prepare(s, Node::masterCandidate);
        this.dataCollectors = DataCollectorsHandler.prepare(s);
        this.noInstanceIps = CommonReplies.okWithClusterSerial(List.of(), s);
        String link = s.cluster().defaultLink();
        if (link != null && s.instanceLinks().contains(link)) {
            ipsByLink.put(link, InstancesIpsListHandler.ips(s, link));
        }
    }

    private PreparedAnswers(ReplyBody unavailable) {
        this.snapshot = null;
        this.unavailable = unavailable;
        this.ping = null;
        this.unknownMaster = null;
        this.masterName = null;
        this.masterFields = Map.of();
        this.roles = Map.of();
        this.nodePips = null;
        this.candidatePips = null;
        this.dataCollectors = null;
        this.noInstanceIps = null;
    }

    /** Prepares the answers of {@code snapshot}. */
    public static PreparedAnswers of(ClusterSnapshot snapshot) {
        return new PreparedAnswers(snapshot);
    }

    /** Answers every request with an error saying {@code reason}: no snapshot is served. */
    public static PreparedAnswers unavailable(String reason) {
        return new PreparedAnswers(ReplyBody.error(reason));
    }

    /** The snapshot these answers are from, or null for {@link #unavailable}. */
    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    /** The reply to every request when there is no snapshot, else null. */
    ReplyBody unavailableReply() {
        return unavailable;
    }

    /** The answer cached under {@code key}, computing and caching it on first use. */
    static <K> ReplyBody cached(Map<K, ReplyBody> cache, K key, Supplier<ReplyBody> compute) {
        ReplyBody answer = cache.get(key);
        if (answer == null) {
            answer = compute.get();
            ReplyBody raced = cache.putIfAbsent(key, answer);
            if (raced != null) {
                answer = raced;
            }
        }
        return answer;
    }
}
