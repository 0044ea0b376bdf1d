package io.ganeticonfd.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One immutable, indexed view of {@code config.data}. Everything a query needs is looked up in
 * maps built once (the answers themselves are prepared by the query layer).
 */
public final class ClusterSnapshot {

    private final ConfigDocument document;
    private final ClusterInfo cluster;
    private final NavigableMap<String, Node> nodes;
    private final NavigableMap<String, Instance> instances;
    private final NameIndex<Node> nodeIndex;
    private final NameIndex<Instance> instanceIndex;
    private final Map<String, Map<String, Instance>> instancesByLinkAndIp;
    private final Map<String, List<DrbdMinor>> drbdByNode;
    private final Map<String, List<Instance>> primariesByNode;
    private final Map<String, List<Instance>> secondariesByNode;

    ClusterSnapshot(
            ConfigDocument document,
            ClusterInfo cluster,
            NavigableMap<String, Node> nodes,
            NavigableMap<String, Instance> instances,
            NameIndex<Node> nodeIndex,
            DerivedIndexes derived) {
        this.document = document;
        this.cluster = cluster;
        this.nodes = nodes;
        this.instances = instances;
        this.nodeIndex = nodeIndex;
        this.instanceIndex = new NameIndex<>(instances, Instance::name);
        this.instancesByLinkAndIp = derived.instancesByLinkAndIp();
        this.drbdByNode = derived.drbdByNode();
        this.primariesByNode = derived.primariesByNode();
        this.secondariesByNode = derived.secondariesByNode();
    }

    /** The whole configuration as Ganeti's daemon re-serializes it (defaults filled in, tags sorted). */
    public ConfigDocument document() {
        return document;
    }

    /** Cluster-wide values. */
    public ClusterInfo cluster() {
        return cluster;
    }

    /** Nodes by key, in ascending key order. */
    public NavigableMap<String, Node> nodes() {
        return nodes;
    }

    /** Instances by key, in ascending key order. */
    public NavigableMap<String, Instance> instances() {
        return instances;
    }

    /** Finds a node by UUID, name or unique short name. */
    public NameIndex.Lookup<Node> findNode(String query) {
        return nodeIndex.find(query);
    }

    /** Finds an instance by UUID, name or unique short name. */
    public NameIndex.Lookup<Instance> findInstance(String query) {
        return instanceIndex.find(query);
    }

    /** The instance owning {@code ip} on {@code link}, or null. */
    public Instance instanceByIp(String link, String ip) {
        Map<String, Instance> byIp = instancesByLinkAndIp.get(link);
        return byIp == null ? null : byIp.get(ip);
    }

    /** The distinct instance IPs on {@code link}, sorted as strings (sorted on each call: prepare the answer once). */
    public List<String> ipsOnLink(String link) {
        Map<String, Instance> byIp = instancesByLinkAndIp.get(link);
        if (byIp == null) {
            return List.of();
        }
        List<String> ips = new ArrayList<>(byIp.keySet());
        ips.sort(null);
        return ips;
    }

    /** The links that carry at least one instance IP. */
    public java.util.Set<String> instanceLinks() {
        return instancesByLinkAndIp.keySet();
    }

    /**
     * Builds everything otherwise built on first use: the short-name indexes and the normalized
     * JSON of every entry, after which the file's bytes are let go. Call off the request path.
     */
    public void finish() {
        nodeIndex.complete();
        instanceIndex.complete();
        document.normalizeAll();
    }

    /** DRBD minors held by a node. */
    public List<DrbdMinor> drbdMinors(Node node) {
        return drbdByNode.getOrDefault(node.key(), List.of());
    }

    /** Instances whose primary node is {@code node}, by ascending key. */
    public List<Instance> primaryInstances(Node node) {
        return primariesByNode.getOrDefault(node.key(), List.of());
    }

    /** Instances with a top-level DRBD disk whose secondary side is {@code node}, by ascending key. */
    public List<Instance> secondaryInstances(Node node) {
        return secondariesByNode.getOrDefault(node.key(), List.of());
    }
}
