package io.ganeticonfd.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Collects the parts of a config as the parser streams them, then links them (instances to nodes
 * and disks, whatever order the file has them in) into a {@link ClusterSnapshot}.
 */
final class SnapshotBuilder {

    /** An instance before its node and disk references are resolved; a disk ref is a UUID or an inline disk. */
    private record RawInstance(String key, String name, String primaryRef, long serial, List<String[]> nics,
            List<Object> diskRefs, byte[] json) {
    }

    private final ObjectMapper mapper;
    private final Map<String, JsonNode> trees = new LinkedHashMap<>();
    private final Map<String, Map<String, byte[]>> maps = new LinkedHashMap<>();
    private final NavigableMap<String, Node> nodes = new TreeMap<>();
    private final Map<String, DiskEntry> disks = new HashMap<>();
    private final List<RawInstance> instances = new ArrayList<>();
    private ObjectNode cluster;

    SnapshotBuilder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void top(String name, JsonNode value) {
        trees.put(name, value);
    }

    void cluster(ObjectNode c) {
        cluster = c;
        trees.put("cluster", c);
    }

    void map(String section, Map<String, byte[]> entries) {
        maps.put(section, entries);
    }

    void entry(String section, String key, ObjectNode object, byte[] json) throws ConfigException {
        switch (section) {
            case "nodes" -> nodes.put(key, node(key, object));
            case "disks" -> disks.put(key, new DiskEntry(json, Disks.drbdDevices(object)));
            case "instances" -> instances.add(instance(key, object, json));
            default -> {
                // kept serialized only
            }
        }
    }

    ClusterSnapshot build() throws ConfigException {
        JsonNode version = trees.get("version");
        if (version == null || !version.isNumber()) {
            throw new ConfigException("no numeric top-level 'version'");
        }
        if (cluster == null) {
            throw new ConfigException("no 'cluster' object");
        }
        NameIndex<Node> nodeRefs = new NameIndex<>(nodes, Node::name);
        String defaultLink = ConfigNormalizer.textOrNull(cluster.path("nicparams").path("default").get("link"));
        NavigableMap<String, Instance> linked = new TreeMap<>();
        for (RawInstance raw : instances) {
            linked.put(raw.key(), link(raw, nodeRefs, defaultLink));
        }
        String masterRef = ConfigNormalizer.textOrNull(cluster.get("master_node"));
        List<String> hypervisors = new ArrayList<>();
        cluster.path("enabled_hypervisors").forEach(h -> hypervisors.add(h.asText()));
        JsonNode serial = trees.get("serial_no");
        ClusterInfo info = new ClusterInfo(version.asLong(), serial == null ? 0 : serial.asLong(),
                cluster.path("serial_no").asLong(0), ConfigNormalizer.textOrNull(cluster.get("cluster_name")), masterRef,
                masterRef == null ? null : nodeRefs.byKeyOrName(masterRef),
                ConfigNormalizer.textOrNull(cluster.get("master_ip")), defaultLink, List.copyOf(hypervisors),
                cluster.get("data_collectors"));
        DerivedIndexes derived = DerivedIndexes.of(linked, nodeRefs);
        return new ClusterSnapshot(new ConfigDocument(mapper, trees, maps), info, nodes, linked, nodeRefs, derived);
    }

    private static Node node(String key, JsonNode n) {
        String name = n.has("name") ? n.get("name").asText() : key;
        return new Node(key, name, ConfigNormalizer.textOrNull(n.get("primary_ip")),
                n.path("master_candidate").asBoolean(false), n.path("offline").asBoolean(false),
                n.path("drained").asBoolean(false), n.path("serial_no").asLong(0));
    }

    private RawInstance instance(String key, ObjectNode i, byte[] json) throws ConfigException {
        String name = i.has("name") ? i.get("name").asText() : key;
        List<String[]> nics = new ArrayList<>();
        for (JsonNode nic : i.path("nics")) {
            nics.add(new String[] {ConfigNormalizer.textOrNull(nic.get("ip")),
                    ConfigNormalizer.textOrNull(nic.path("nicparams").get("link"))});
        }
        List<Object> diskRefs = new ArrayList<>();
        for (JsonNode d : i.path("disks")) {
            if (d.isTextual()) {
                diskRefs.add(d.asText());
            } else if (d.isObject()) {
                diskRefs.add(new DiskEntry(bytes(d), Disks.drbdDevices(d)));
            } else {
                throw new ConfigException("instance " + name + " has a disk that is neither a UUID nor an object");
            }
        }
        return new RawInstance(key, name, ConfigNormalizer.textOrNull(i.get("primary_node")),
                i.path("serial_no").asLong(0), nics, diskRefs, json);
    }

    private Instance link(RawInstance raw, NameIndex<Node> nodeRefs, String defaultLink) {
        List<Nic> nics = new ArrayList<>(raw.nics().size());
        for (String[] nic : raw.nics()) {
            nics.add(new Nic(nic[0], nic[1] != null ? nic[1] : defaultLink));
        }
        List<DiskEntry> resolved = new ArrayList<>(raw.diskRefs().size());
        for (Object ref : raw.diskRefs()) {
            resolved.add(ref instanceof DiskEntry inline ? inline : disks.get((String) ref));
        }
        Node primary = raw.primaryRef() == null ? null : nodeRefs.byKeyOrName(raw.primaryRef());
        return new Instance(raw.key(), raw.name(), primary, raw.serial(), List.copyOf(nics),
                Collections.unmodifiableList(resolved), raw.json());
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
