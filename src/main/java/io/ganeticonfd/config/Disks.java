package io.ganeticonfd.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Facts about disk objects shared by the disk model (redaction) and the entry reader. */
final class Disks {

    private Disks() {}

    /** Whether a {@code dev_type} is DRBD ({@code drbd} in 2.14+, {@code drbd8} before). */
    static boolean isDrbdType(String devType) {
        return devType.equals("drbd") || devType.equals("drbd8");
    }

    /** Whether a disk object is a DRBD device. */
    static boolean isDrbd(JsonNode disk) {
        return isDrbdType(disk.path("dev_type").asText(""));
    }
}
