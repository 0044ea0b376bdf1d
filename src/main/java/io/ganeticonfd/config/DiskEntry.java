package io.ganeticonfd.config;

import java.util.List;

/** A disk: its normalized JSON object, serialized, and the DRBD devices in its tree (depth first). */
public record DiskEntry(byte[] json, List<DrbdDevice> drbd) {
}
