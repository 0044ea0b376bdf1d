package io.ganeticonfd.config;

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
}
