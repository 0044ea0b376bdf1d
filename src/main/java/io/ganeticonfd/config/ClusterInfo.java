package io.ganeticonfd.config;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cluster-wide values: top-level {@code version} and {@code serial_no}, the cluster object's serial
 * (what replies carry), name, master (null when {@code master_node} names no known node), master
 * IP, default NIC link (null when the cluster has no default nicparams), enabled hypervisors and
 * the stored data collector settings.
 */
public record ClusterInfo(long version, long configSerial, long serial, String name, String masterNodeRef,
        Node master, String masterIp, String defaultLink, List<String> enabledHypervisors, JsonNode dataCollectors) {
}
