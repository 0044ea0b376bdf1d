package io.ganeticonfd.config;

import java.util.List;
import java.util.function.Supplier;

/** A disk: the DRBD devices in its tree (depth first), and its normalized JSON object, built on first use. */
public final class DiskEntry {

    private final List<DrbdDevice> drbd;
    private final Supplier<byte[]> source;
    private volatile byte[] json;

    DiskEntry(List<DrbdDevice> drbd, Supplier<byte[]> source) {
        this.drbd = drbd;
        this.source = source;
    }

    /** The DRBD devices of the disk tree, the disk itself first. */
    public List<DrbdDevice> drbd() {
        return drbd;
    }

    /** The normalized disk object, serialized. */
    public byte[] json() {
        byte[] j = json;
        if (j == null) {
            j = source.get();
            json = j;
        }
        return j;
    }
}
