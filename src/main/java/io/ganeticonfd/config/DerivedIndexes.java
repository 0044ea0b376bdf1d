package io.ganeticonfd.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Indexes derived from instances once per snapshot: instance by (link, IP), DRBD minors per node,
 * primary and secondary instances per node. The lists are immutable and exactly sized once built.
 */
record DerivedIndexes(
        Map<String, Map<String, Instance>> instancesByLinkAndIp,
        Map<String, List<DrbdMinor>> drbdByNode,
        Map<String, List<Instance>> primariesByNode,
        Map<String, List<Instance>> secondariesByNode) {

    static DerivedIndexes of(NavigableMap<String, Instance> instances, NameIndex<Node> nodes) {
        DerivedIndexes d = new DerivedIndexes(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (Instance instance : instances.values()) {
            d.addLinks(instance);
            if (instance.primaryNode() != null) {
                d.primariesByNode
                        .computeIfAbsent(instance.primaryNode().key(), k -> new ArrayList<>())
                        .add(instance);
            }
            Set<String> secondaries = new LinkedHashSet<>(4);
            List<DiskEntry> disks = instance.disks();
            for (int index = 0; index < disks.size(); index++) {
                DiskEntry disk = disks.get(index);
                if (disk != null) {
                    for (DrbdDevice device : disk.drbd()) {
                        d.addDevice(instance, index, device, nodes, secondaries);
                    }
                }
            }
            for (String node : secondaries) {
                d.secondariesByNode
                        .computeIfAbsent(node, k -> new ArrayList<>())
                        .add(instance);
            }
        }
        d.drbdByNode.replaceAll((node, minors) -> List.copyOf(minors));
        d.primariesByNode.replaceAll((node, primaries) -> List.copyOf(primaries));
        d.secondariesByNode.replaceAll((node, secondaries) -> List.copyOf(secondaries));
        return d;
    }

    private void addLinks(Instance instance) {
        for (Nic nic : instance.nics()) {
            if (nic.ip() != null && nic.link() != null) {
                instancesByLinkAndIp
                        .computeIfAbsent(nic.link(), k -> new HashMap<>())
                        .put(nic.ip(), instance);
            }
        }
    }

    private void addDevice(
            Instance instance, int index, DrbdDevice device, NameIndex<Node> nodes, Set<String> secondaries) {
        Node a = nodes.byKeyOrName(device.nodeA());
        Node b = nodes.byKeyOrName(device.nodeB());
        addMinor(instance, index, a, device.minorA(), b, device.nodeB());
        addMinor(instance, index, b, device.minorB(), a, device.nodeA());
        if (device.topLevel()) {
            addSecondary(instance, a, secondaries);
            addSecondary(instance, b, secondaries);
        }
    }

    private static void addSecondary(Instance instance, Node node, Set<String> secondaries) {
        if (node != null && node != instance.primaryNode()) {
            secondaries.add(node.key());
        }
    }

    private void addMinor(Instance instance, int index, Node node, long minor, Node peer, String peerRef) {
        if (node == null) {
            return;
        }
        boolean primary = node == instance.primaryNode();
        drbdByNode
                .computeIfAbsent(node.key(), k -> new ArrayList<>())
                .add(new DrbdMinor(
                        node.name(), minor, instance.name(), index, primary, peer != null ? peer.name() : peerRef));
    }
}
