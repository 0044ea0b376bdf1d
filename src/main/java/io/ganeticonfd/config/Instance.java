package io.ganeticonfd.config;

import java.util.List;
import java.util.function.Supplier;

/**
 * An instance as the queries need it. {@code primaryNode} is null when the instance names an
 * unknown node; {@code disks} are in instance order, null where a disk UUID is missing from the
 * config; {@link #json()} is the normalized instance object, serialized on first use.
 */
public record Instance(
        String key,
        String name,
        Node primaryNode,
        long serial,
        List<Nic> nics,
        List<DiskEntry> disks,
        Supplier<byte[]> source) {

    /** The normalized instance object, serialized. */
    public byte[] json() {
        return source.get();
    }
}
