package io.ganeticonfd.config;

/** An instance NIC: its IP (null if none) and effective link (its own, else the cluster default; null if neither). */
public record Nic(String ip, String link) {}
