package io.ganeticonfd.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Links the instances read from a config to their nodes and disks, once per snapshot. What it builds
 * holds only what the snapshot serves: each instance and disk its own {@link EntryStore.Entry} (not
 * this linker nor the parse's intermediate records), repeated strings once ({@link SharedStrings}),
 * lists at their exact size.
 */
final class InstanceLinker {

    private final ObjectMapper mapper;
    private final EntryStore store;
    private final NameIndex<Node> nodes;
    private final SharedStrings strings;
    private final Map<String, List<DrbdDevice>> diskDevices;
    private final Map<String, DiskEntry> disks = new HashMap<>();
    private final String defaultLink;

    InstanceLinker(
            ObjectMapper mapper,
            EntryStore store,
            NameIndex<Node> nodes,
            SharedStrings strings,
            Map<String, List<DrbdDevice>> diskDevices,
            String defaultLink) {
        this.mapper = mapper;
        this.store = store;
        this.nodes = nodes;
        this.strings = strings;
        this.diskDevices = diskDevices;
        this.defaultLink = defaultLink;
    }

    /** The instance {@code raw} with its nodes and disks resolved. */
    Instance link(EntryReader.RawInstance raw) {
        List<Nic> nics = new ArrayList<>(raw.nics().size());
        for (EntryReader.RawNic nic : raw.nics()) {
            nics.add(new Nic(nic.ip(), nic.link() != null ? strings.of(nic.link()) : defaultLink));
        }
        EntryStore.Entry entry = store.entry("instances", raw.key());
        List<DiskEntry> resolved = new ArrayList<>(raw.diskRefs().size());
        for (EntryReader.DiskRef ref : raw.diskRefs()) {
            if (ref instanceof EntryReader.InlineDisk inline) {
                resolved.add(new DiskEntry(shared(inline.drbd()), inlineDisk(mapper, entry, inline.index())));
            } else if (ref instanceof EntryReader.DiskUuid uuid) {
                resolved.add(disks.computeIfAbsent(uuid.uuid(), this::disk));
            }
        }
        Node primary = raw.primaryRef() == null ? null : nodes.byKeyOrName(raw.primaryRef());
        return new Instance(
                raw.key(),
                raw.name(),
                primary,
                raw.serial(),
                List.copyOf(nics),
                resolved.contains(null) ? Collections.unmodifiableList(resolved) : List.copyOf(resolved),
                entry);
    }

    /** The disk with this UUID in the config's {@code disks} map, or null if there is none. */
    private DiskEntry disk(String uuid) {
        List<DrbdDevice> drbd = diskDevices.get(uuid);
        return drbd == null ? null : new DiskEntry(shared(drbd), store.entry("disks", uuid));
    }

    /** The devices with their node references shared (equal strings, one instance each). */
    private List<DrbdDevice> shared(List<DrbdDevice> drbd) {
        if (drbd.isEmpty()) {
            return List.of();
        }
        List<DrbdDevice> out = new ArrayList<>(drbd.size());
        for (DrbdDevice d : drbd) {
            out.add(new DrbdDevice(strings.of(d.nodeA()), strings.of(d.nodeB()), d.minorA(), d.minorB(), d.topLevel()));
        }
        return List.copyOf(out);
    }

    /**
     * The normalized JSON of disk {@code index} inside a normalized instance (disks inline, Ganeti
     * before 2.12). Static, so that the supplier holds only the mapper and the instance's entry.
     */
    private static Supplier<byte[]> inlineDisk(ObjectMapper mapper, Supplier<byte[]> instance, int index) {
        return () -> {
            try {
                return mapper.writeValueAsBytes(
                        mapper.readTree(instance.get()).path("disks").path(index));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
