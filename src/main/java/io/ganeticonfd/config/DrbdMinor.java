package io.ganeticonfd.config;

/** One DRBD minor held by a node: the disk at {@code diskIndex} of {@code instance}, with its peer node name. */
public record DrbdMinor(
        String nodeName, long minor, String instanceName, int diskIndex, boolean primary, String peerName) {}
