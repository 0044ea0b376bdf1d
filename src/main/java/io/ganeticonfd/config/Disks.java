package io.ganeticonfd.config;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Facts about disk objects shared by the normalizer and the snapshot builder. */
final class Disks {

    private Disks() {
    }

    /** Whether a disk object is a DRBD device ({@code drbd} in 2.14+, {@code drbd8} before). */
    static boolean isDrbd(JsonNode disk) {
        String type = disk.path("dev_type").asText("");
        return type.equals("drbd") || type.equals("drbd8");
    }

    /** The DRBD devices of a disk tree, the disk itself first, then its children depth first. */
    static List<DrbdDevice> drbdDevices(JsonNode disk) {
        List<DrbdDevice> out = new ArrayList<>(1);
        collect(disk, true, out);
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    private static void collect(JsonNode disk, boolean topLevel, List<DrbdDevice> out) {
        JsonNode id = disk.path("logical_id");
        if (isDrbd(disk) && id.isArray() && id.size() >= 5) {
            out.add(new DrbdDevice(id.get(0).asText(), id.get(1).asText(), id.get(3).asLong(), id.get(4).asLong(), topLevel));
        }
        for (JsonNode child : disk.path("children")) {
            collect(child, false, out);
        }
    }
}
