package io.ganeticonfd.config;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance of each distinct string among a snapshot's repeated values (node references in DRBD
 * devices, NIC links), so that a value repeated thousands of times in the file is held once. Used
 * while a snapshot is built, then dropped.
 */
final class SharedStrings {

    private final Map<String, String> canonical = new HashMap<>();

    /** The instance held for {@code value} (the first one seen), or null for null. */
    String of(String value) {
        if (value == null) {
            return null;
        }
        String held = canonical.putIfAbsent(value, value);
        return held == null ? value : held;
    }
}
