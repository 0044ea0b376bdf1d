package io.ganeticonfd.config;

import static io.ganeticonfd.config.Member.optional;
import static io.ganeticonfd.config.Member.optionalValues;
import static io.ganeticonfd.config.Member.required;
import static io.ganeticonfd.config.Member.requiredValues;

import java.util.List;

/**
 * Ganeti 3.0's typed parameter objects: node, NIC and backend parameters, instance specs and
 * policies, data collector settings. Each comes "filled" (every member required: the cluster's)
 * and "partial" (every member optional: a node's, group's, NIC's or instance's overrides).
 */
final class ParamsModel {

    private static final String[] ND = {
        "oob_program", "spindle_count", "exclusive_storage", "ovs", "ovs_name", "ovs_link", "ssh_port", "cpu_speed"
    };
    private static final String[] NIC = {"mode", "link", "vlan"};
    private static final String[] BE = {"minmem", "maxmem", "vcpus", "auto_balance", "always_failover", "spindle_use"};
    private static final String[] ISPEC = {
        "memory-size", "disk-size", "disk-count", "cpu-count", "nic-count", "spindle-use"
    };

    static final ObjectModel FILLED_ND = ObjectModel.of("ndparams", requiredValues(ND));
    static final ObjectModel PARTIAL_ND = ObjectModel.of("ndparams", optionalValues(ND));
    static final ObjectModel FILLED_NIC = ObjectModel.of("nicparams", requiredValues(NIC));
    static final ObjectModel PARTIAL_NIC = ObjectModel.of("nicparams", optionalValues(NIC));
    static final ObjectModel FILLED_BE = ObjectModel.of("beparams", requiredValues(BE));
    static final ObjectModel PARTIAL_BE = ObjectModel.of("beparams", optionalValues(BE));
    static final ObjectModel FILLED_ISPEC = ObjectModel.of("ispecs", requiredValues(ISPEC));
    static final ObjectModel PARTIAL_ISPEC = ObjectModel.of("ispecs", optionalValues(ISPEC));
    static final ObjectModel MIN_MAX = ObjectModel.of(
            "minmax",
            List.of(
                    required("min", Shape.object(() -> FILLED_ISPEC)),
                    required("max", Shape.object(() -> FILLED_ISPEC))));
    static final ObjectModel FILLED_IPOLICY = ObjectModel.of(
            "ipolicy",
            List.of(required("minmax", Shape.listOf(() -> MIN_MAX)), required("std", Shape.object(() -> FILLED_ISPEC))),
            requiredValues("spindle-ratio", "vcpu-ratio", "disk-templates"));
    static final ObjectModel PARTIAL_IPOLICY = ObjectModel.of(
            "ipolicy",
            List.of(
                    optional("minmax", Shape.listOf(() -> MIN_MAX)),
                    optional("std", Shape.object(() -> PARTIAL_ISPEC))),
            optionalValues("spindle-ratio", "vcpu-ratio", "disk-templates"));
    static final ObjectModel DATA_COLLECTOR = ObjectModel.of("data collector", requiredValues("active", "interval"));

    private ParamsModel() {}
}
