package io.ganeticonfd.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The objects of the config's large maps (nodes, instances, disks, ...) as byte ranges of the file,
 * served through their {@link ObjectModel} and serialized on first use, or all at once off the request path by
 * {@link #normalizeAll()}, after which the file itself is let go.
 */
final class EntryStore {

    /**
     * One map entry: where it is in the file, and its normalized JSON once computed, which {@link #get}
     * returns (computing it first if needed). Snapshot objects hold their entry itself, so that
     * serving one costs no lookup and retains nothing else.
     */
    static final class Entry implements Supplier<byte[]> {
        private final EntryStore store;
        private final String section;
        private final int start;
        private final int end;
        private volatile byte[] normalized;

        Entry(EntryStore store, String section, int start, int end) {
            this.store = store;
            this.section = section;
            this.start = start;
            this.end = end;
        }

        int rawSize() {
            return end - start;
        }

        /** The normalized JSON of this entry. */
        @Override
        public byte[] get() {
            return store.normalized(section, this);
        }
    }

    private final ObjectMapper mapper;
    private final boolean redactPrivate;
    private final Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
    private volatile byte[] file;

    EntryStore(byte[] file, ObjectMapper mapper, boolean redactPrivate) {
        this.file = file;
        this.mapper = mapper;
        this.redactPrivate = redactPrivate;
    }

    void add(String section, String key, int start, int end) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, new Entry(this, section, start, end));
    }

    void section(String section) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>());
    }

    /** The entries of a section in file order, or null if the config has no such section. */
    Map<String, Entry> entries(String section) {
        return sections.get(section);
    }

    /** Whether the config has this section. */
    boolean has(String section) {
        return sections.containsKey(section);
    }

    /** The section names in file order. */
    Iterable<String> sectionNames() {
        return sections.keySet();
    }

    /** The entry {@code key} of {@code section}, or null if there is no such entry. */
    Entry entry(String section, String key) {
        Map<String, Entry> entries = sections.get(section);
        return entries == null ? null : entries.get(key);
    }

    /** The normalized JSON of an entry, or null if there is no such entry. */
    byte[] normalized(String section, String key) {
        Entry e = entry(section, key);
        return e == null ? null : normalized(section, e);
    }

    byte[] normalized(String section, Entry e) {
        byte[] json = e.normalized;
        if (json == null) {
            byte[] source = file;
            if (source == null) {
                throw new IllegalStateException("entry normalized after the file was released");
            }
            try {
                ObjectNode object = (ObjectNode) mapper.readTree(source, e.start, e.end - e.start);
                json = mapper.writeValueAsBytes(
                        ConfigDataModel.ENTRY_MAPS.get(section).serve(object, redactPrivate));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            e.normalized = json;
        }
        return json;
    }

    /** Normalizes every entry not yet normalized, then lets go of the file's bytes. */
    void normalizeAll() {
        for (Map.Entry<String, Map<String, Entry>> s : sections.entrySet()) {
            for (Entry e : s.getValue().values()) {
                normalized(s.getKey(), e);
            }
        }
        file = null;
    }
}
