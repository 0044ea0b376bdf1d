package io.ganeticonfd.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole configuration as Ganeti's daemon serializes it, held compactly: the large maps
 * (nodes, instances, disks, ...) as one serialized JSON object per entry, parsed again only when a
 * pointer reaches inside one; everything else as a tree.
 */
public final class ConfigDocument {

    /** A resolved value: its JSON bytes, or null when larger than asked ({@code size} says how large). */
    public record Value(byte[] json, long size) {}

    private final ObjectMapper mapper;
    private final Map<String, JsonNode> trees;
    private final EntryStore maps;

    ConfigDocument(ObjectMapper mapper, Map<String, JsonNode> trees, EntryStore maps) {
        this.mapper = mapper;
        this.trees = trees;
        this.maps = maps;
    }

    /**
     * The value at {@code tokens} (object keys, or array indexes given by their leading decimal
     * digits), or null when nothing is there. Values over {@code maxBytes} come back without bytes.
     */
    public Value resolve(List<String> tokens, int maxBytes) {
        if (tokens.isEmpty()) {
            return null;
        }
        String top = tokens.get(0);
        if (!maps.has(top)) {
            JsonNode tree = trees.get(top);
            return tree == null ? null : serialize(walk(tree, tokens.subList(1, tokens.size())), maxBytes);
        }
        if (tokens.size() == 1) {
            return wholeMap(top, maxBytes);
        }
        byte[] entry = maps.normalized(top, tokens.get(1));
        if (entry == null) {
            return null;
        }
        if (tokens.size() == 2) {
            return new Value(entry.length > maxBytes ? null : entry, entry.length);
        }
        try {
            return serialize(walk(mapper.readTree(entry), tokens.subList(2, tokens.size())), maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole document as one tree (costly: for tools and tests). */
    public ObjectNode toTree() {
        ObjectNode root = mapper.createObjectNode();
        try {
            for (Map.Entry<String, JsonNode> e : trees.entrySet()) {
                root.set(e.getKey(), e.getValue());
            }
            for (String name : maps.sectionNames()) {
                ObjectNode section = root.putObject(name);
                for (String key : maps.entries(name).keySet()) {
                    section.set(key, mapper.readTree(maps.normalized(name, key)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** Normalizes every entry now (off the request path), then lets go of the file's bytes. */
    public void normalizeAll() {
        maps.normalizeAll();
    }

    private Value wholeMap(String section, int maxBytes) {
        Map<String, EntryStore.Entry> entries = maps.entries(section);
        long raw = 2;
        for (Map.Entry<String, EntryStore.Entry> e : entries.entrySet()) {
            raw += e.getKey().length() + 4L + e.getValue().rawSize();
        }
        if (raw > 2L * maxBytes) {
            return new Value(null, raw);
        }
        Map<String, byte[]> map = new LinkedHashMap<>();
        long size = 2;
        for (Map.Entry<String, EntryStore.Entry> e : entries.entrySet()) {
            byte[] json = maps.normalized(section, e.getValue());
            map.put(e.getKey(), json);
            size += e.getKey().length() + 4L + json.length;
        }
        if (size > maxBytes) {
            return new Value(null, size);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        out.write('{');
        Iterator<Map.Entry<String, byte[]>> it = map.entrySet().iterator();
        try {
            while (it.hasNext()) {
                Map.Entry<String, byte[]> e = it.next();
                out.write(mapper.writeValueAsBytes(e.getKey()));
                out.write(':');
                out.write(e.getValue());
                if (it.hasNext()) {
                    out.write(',');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('}');
        byte[] json = out.toByteArray();
        return new Value(json, json.length);
    }

    private Value serialize(JsonNode node, int maxBytes) {
        if (node == null) {
            return null;
        }
        try {
            byte[] json = mapper.writeValueAsBytes(node);
            return new Value(json.length > maxBytes ? null : json, json.length);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode walk(JsonNode start, List<String> tokens) {
        JsonNode node = start;
        for (String token : tokens) {
            if (node.isObject()) {
                node = node.get(token);
            } else if (node.isArray()) {
                int index = leadingIndex(token);
                node = index < 0 ? null : node.get(index);
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The array index given by a token's leading decimal digits ({@code 00} and {@code 0x} are 0), or -1. */
    static int leadingIndex(String token) {
        int digits = 0;
        while (digits < token.length() && token.charAt(digits) >= '0' && token.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        int start = 0;
        while (start < digits - 1 && token.charAt(start) == '0') {
            start++;
        }
        return digits - start > 9 ? -1 : Integer.parseInt(token, start, digits, 10);
    }
}
