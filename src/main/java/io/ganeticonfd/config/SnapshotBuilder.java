package io.ganeticonfd.config;

import java.util.ArrayList;
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

    private final ObjectMapper mapper;
    private final EntryStore store;
    private final Map<String, JsonNode> trees = new LinkedHashMap<>();
    private final NavigableMap<String, Node> nodes = new TreeMap<>();
    private final Map<String, List<DrbdDevice>> diskDevices = new HashMap<>();
    private final List<EntryReader.RawInstance> instances = new ArrayList<>();
    private ObjectNode cluster;

    SnapshotBuilder(ObjectMapper mapper, EntryStore store) {
        this.mapper = mapper;
        this.store = store;
    }

    void top(String name, JsonNode value) {
        trees.put(name, value);
    }

    /** Adds the defaults of the top-level members the file does not have. */
    void topDefaults(ObjectModel model) {
        for (Member m : model.members()) {
            if (m.presence() == Presence.DEFAULTED && !trees.containsKey(m.name())) {
                trees.put(m.name(), m.fallback().deepCopy());
            }
        }
    }

    void cluster(ObjectNode c) {
        cluster = c;
        trees.put("cluster", c);
    }

    void section(String section) {
        store.section(section);
    }

    void located(String section, String key, int start, int end) {
        store.add(section, key, start, end);
    }

    void node(Node node) {
        nodes.put(node.key(), node);
    }

    void instance(EntryReader.RawInstance instance) throws ConfigException {
        if (instance.diskRefs().stream().anyMatch(EntryReader.InvalidDisk.class::isInstance)) {
            throw new ConfigException(
                    "instance " + instance.name() + " has a disk that is neither a UUID nor an object");
        }
        instances.add(instance);
    }

    void disk(String key, List<DrbdDevice> drbd) {
        diskDevices.put(key, drbd);
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
        SharedStrings strings = new SharedStrings();
        for (Node node : nodes.values()) {
            strings.of(node.key());
            strings.of(node.name());
        }
        String defaultLink =
                strings.of(textOrNull(cluster.path("nicparams").path("default").get("link")));
        InstanceLinker linker = new InstanceLinker(mapper, store, nodeRefs, strings, diskDevices, defaultLink);
        NavigableMap<String, Instance> linked = new TreeMap<>();
        for (EntryReader.RawInstance raw : instances) {
            linked.put(raw.key(), linker.link(raw));
        }
        String masterRef = textOrNull(cluster.get("master_node"));
        List<String> hypervisors = new ArrayList<>();
        cluster.path("enabled_hypervisors").forEach(h -> hypervisors.add(h.asText()));
        JsonNode serial = trees.get("serial_no");
        ClusterInfo info = new ClusterInfo(
                version.asLong(),
                serial == null ? 0 : serial.asLong(),
                cluster.path("serial_no").asLong(0),
                textOrNull(cluster.get("cluster_name")),
                masterRef,
                masterRef == null ? null : nodeRefs.byKeyOrName(masterRef),
                textOrNull(cluster.get("master_ip")),
                defaultLink,
                List.copyOf(hypervisors),
                cluster.get("data_collectors"));
        DerivedIndexes derived = DerivedIndexes.of(linked, nodeRefs);
        return new ClusterSnapshot(new ConfigDocument(mapper, trees, store), info, nodes, linked, nodeRefs, derived);
    }

    /** The text of a node, or null when absent or JSON null. */
    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
