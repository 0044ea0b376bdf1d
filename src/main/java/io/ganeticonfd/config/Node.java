package io.ganeticonfd.config;

/** A node as the queries need it. {@code key} is its key in the config's node map (UUID, or name in 2.7–2.8). */
public record Node(
        String key,
        String name,
        String primaryIp,
        boolean masterCandidate,
        boolean offline,
        boolean drained,
        long serial) {}
