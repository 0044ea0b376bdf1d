package io.ganeticonfd.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Indexes derived from instances once per snapshot: instance by (link, IP), DRBD minors per node,
 * primary and secondary instances per node.
 */
record DerivedIndexes(Map<String, NavigableMap<String, Instance>> instancesByLinkAndIp,
        Map<String, List<DrbdMinor>> drbdByNode, Map<String, List<Instance>> primariesByNode,
        Map<String, List<Instance>> secondariesByNode) {

    static DerivedIndexes of(NavigableMap<String, Instance> instances, NameIndex<Node> nodes) {
        DerivedIndexes d = new DerivedIndexes(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (Instance instance : instances.values()) {
            d.addLinks(instance);
            if (instance.primaryNode() != null) {
                d.primariesByNode.computeIfAbsent(instance.primaryNode().key(), k -> new ArrayList<>()).add(instance);
            }
            Set<String> secondaries = new LinkedHashSet<>();
            List<JsonNode> disks = instance.disks();
            for (int index = 0; index < disks.size(); index++) {
                JsonNode disk = disks.get(index);
                if (disk != null) {
                    d.addDrbd(instance, index, disk, nodes, secondaries, true);
                }
            }
            for (String node : secondaries) {
                d.secondariesByNode.computeIfAbsent(node, k -> new ArrayList<>()).add(instance);
            }
        }
        return d;
    }

    private void addLinks(Instance instance) {
        for (Nic nic : instance.nics()) {
            if (nic.ip() != null && nic.link() != null) {
                instancesByLinkAndIp.computeIfAbsent(nic.link(), k -> new TreeMap<>()).put(nic.ip(), instance);
            }
        }
    }

    private void addDrbd(Instance instance, int index, JsonNode disk, NameIndex<Node> nodes, Set<String> secondaries,
            boolean topLevel) {
        JsonNode id = disk.path("logical_id");
        if (Disks.isDrbd(disk) && id.isArray() && id.size() >= 5) {
            Node a = nodes.byKeyOrName(id.get(0).asText());
            Node b = nodes.byKeyOrName(id.get(1).asText());
            Node primary = instance.primaryNode();
            addMinor(instance, index, a, id.get(3).asLong(), b, id.get(1).asText());
            addMinor(instance, index, b, id.get(4).asLong(), a, id.get(0).asText());
            if (topLevel) {
                for (Node n : new Node[] {a, b}) {
                    if (n != null && n != primary) {
                        secondaries.add(n.key());
                    }
                }
            }
        }
        for (JsonNode child : disk.path("children")) {
            addDrbd(instance, index, child, nodes, secondaries, false);
        }
    }

    private void addMinor(Instance instance, int index, Node node, long minor, Node peer, String peerRef) {
        if (node == null) {
            return;
        }
        boolean primary = node == instance.primaryNode();
        drbdByNode.computeIfAbsent(node.key(), k -> new ArrayList<>()).add(new DrbdMinor(node.name(), minor,
                instance.name(), index, primary, peer != null ? peer.name() : peerRef));
    }
}
