package io.ganeticonfd.config;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cluster-wide values: top-level {@code version}; {@code fileSerial}, the top-level {@code serial_no}
 * (raised by every write of the file); {@code clusterSerial}, the cluster object's {@code serial_no}
 * (what replies carry); name, master (null when {@code master_node} names no known node), master
 * IP, default NIC link (null when the cluster has no default nicparams), enabled hypervisors and
 * the stored data collector settings.
 */
public record ClusterInfo(
        long version,
        long fileSerial,
        long clusterSerial,
        String name,
        String masterNodeRef,
        Node master,
        String masterIp,
        String defaultLink,
        List<String> enabledHypervisors,
        JsonNode dataCollectors) {}
