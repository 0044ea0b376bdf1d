package io.ganeticonfd.config;

import java.util.List;

/**
 * An instance as the queries need it. {@code primaryNode} is null when the instance names an
 * unknown node; {@code disks} are in instance order, null where a disk UUID is missing from the
 * config; {@code json} is the normalized instance object, serialized.
 */
public record Instance(String key, String name, Node primaryNode, long serial, List<Nic> nics,
        List<DiskEntry> disks, byte[] json) {
}
