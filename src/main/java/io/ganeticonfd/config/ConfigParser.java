package io.ganeticonfd.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parses {@code config.data} (any layout Ganeti 2.7 to 3.x writes) into a {@link ClusterSnapshot}.
 * Lenient: unknown members are ignored and missing optional ones take Ganeti's defaults. Pure:
 * no I/O, thread-safe.
 */
public final class ConfigParser {

    private final ObjectMapper mapper;
    private final boolean redactPrivate;

    /** A parser; with {@code redactPrivate}, private OS parameters and DRBD secrets are served redacted. */
    public ConfigParser(ObjectMapper mapper, boolean redactPrivate) {
        this.mapper = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.redactPrivate = redactPrivate;
    }

    /** Parses the bytes of a config file. */
    public ClusterSnapshot parse(byte[] data) throws ConfigException {
        JsonNode tree;
        try {
            tree = mapper.readTree(data);
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                            + " column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new ConfigException("cannot read: " + e.getMessage());
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new ConfigException(tree == null || tree.isMissingNode() ? "empty file" : "not a JSON object");
        }
        if (!root.path("version").isNumber()) {
            throw new ConfigException("no numeric top-level 'version'");
        }
        if (!root.path("cluster").isObject()) {
            throw new ConfigException("no 'cluster' object");
        }
        for (String map : new String[] {"nodes", "instances", "disks", "nodegroups", "networks", "filters"}) {
            if (root.has(map) && !root.get(map).isObject()) {
                throw new ConfigException("'" + map + "' is not an object");
            }
        }
        new ConfigNormalizer(redactPrivate).normalize(root);
        return build(root);
    }

    private ClusterSnapshot build(ObjectNode root) throws ConfigException {
        JsonNode c = root.get("cluster");
        NavigableMap<String, Node> nodes = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : entries(root.get("nodes"), "node")) {
            nodes.put(e.getKey(), node(e.getKey(), e.getValue()));
        }
        NameIndex<Node> nodeRefs = new NameIndex<>(nodes, Node::name);
        String defaultLink = textOrNull(c.path("nicparams").path("default").get("link"));
        Map<String, JsonNode> disks = new HashMap<>();
        entries(root.get("disks"), "disk").forEach(e -> disks.put(e.getKey(), e.getValue()));

        NavigableMap<String, Instance> instances = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : entries(root.get("instances"), "instance")) {
            instances.put(e.getKey(), instance(e.getKey(), e.getValue(), nodeRefs, disks, defaultLink));
        }
        String masterRef = textOrNull(c.get("master_node"));
        Node master = masterRef == null ? null : nodeRefs.byKeyOrName(masterRef);
        List<String> hypervisors = new ArrayList<>();
        c.path("enabled_hypervisors").forEach(h -> hypervisors.add(h.asText()));
        ClusterInfo cluster = new ClusterInfo(root.get("version").asLong(), root.path("serial_no").asLong(0),
                c.path("serial_no").asLong(0), textOrNull(c.get("cluster_name")), masterRef, master,
                textOrNull(c.get("master_ip")), defaultLink, List.copyOf(hypervisors), c.get("data_collectors"));
        DerivedIndexes derived = DerivedIndexes.of(instances, nodeRefs);
        return new ClusterSnapshot(root, cluster, nodes, instances, derived.instancesByLinkAndIp(),
                derived.drbdByNode(), derived.primariesByNode(), derived.secondariesByNode());
    }

    private static Node node(String key, JsonNode n) {
        String name = n.has("name") ? n.get("name").asText() : key;
        return new Node(key, name, textOrNull(n.get("primary_ip")), n.path("master_candidate").asBoolean(false),
                n.path("offline").asBoolean(false), n.path("drained").asBoolean(false), n.path("serial_no").asLong(0));
    }

    private static Instance instance(String key, JsonNode i, NameIndex<Node> nodeRefs, Map<String, JsonNode> disks,
            String defaultLink) throws ConfigException {
        String name = i.has("name") ? i.get("name").asText() : key;
        String primaryRef = textOrNull(i.get("primary_node"));
        Node primary = primaryRef == null ? null : nodeRefs.byKeyOrName(primaryRef);
        List<Nic> nics = new ArrayList<>();
        for (JsonNode nic : i.path("nics")) {
            String link = textOrNull(nic.path("nicparams").get("link"));
            nics.add(new Nic(textOrNull(nic.get("ip")), link != null ? link : defaultLink));
        }
        List<JsonNode> instanceDisks = new ArrayList<>();
        for (JsonNode d : i.path("disks")) {
            if (d.isObject()) {
                instanceDisks.add(d);
            } else if (d.isTextual()) {
                instanceDisks.add(disks.get(d.asText()));
            } else {
                throw new ConfigException("instance " + name + " has a disk that is neither a UUID nor an object");
            }
        }
        return new Instance(key, name, primary, i.path("serial_no").asLong(0), List.copyOf(nics),
                java.util.Collections.unmodifiableList(instanceDisks), i);
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode map, String what) throws ConfigException {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (map == null) {
            return out;
        }
        var it = map.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                throw new ConfigException(what + " " + e.getKey() + " is not an object");
            }
            out.add(e);
        }
        return out;
    }

    static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
