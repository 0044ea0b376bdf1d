package io.ganeticonfd.client;

/**
 * One DRBD minor of a NODE_DRBD answer: on {@code node}, minor {@code minor} backs disk
 * {@code disk} ("disk/0") of {@code instance}, in the primary or secondary role, mirrored to {@code peer}.
 */
public record DrbdEntry(String node, long minor, String instance, String disk, boolean primary, String peer) {

    /** "primary" or "secondary", as on the wire. */
    public String role() {
        return primary ? "primary" : "secondary";
    }
}
