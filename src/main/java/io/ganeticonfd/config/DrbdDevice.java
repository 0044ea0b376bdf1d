package io.ganeticonfd.config;

/**
 * A DRBD device found in a disk tree: its two node references (as the config writes them), the
 * minors on each side, and whether it is the instance's top-level disk (not a child).
 */
public record DrbdDevice(String nodeA, String nodeB, long minorA, long minorB, boolean topLevel) {}
