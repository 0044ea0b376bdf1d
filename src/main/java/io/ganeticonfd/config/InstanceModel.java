package io.ganeticonfd.config;

import static io.ganeticonfd.config.Member.emptyListByDefault;
import static io.ganeticonfd.config.Member.emptyObjectByDefault;
import static io.ganeticonfd.config.Member.optional;
import static io.ganeticonfd.config.Member.required;
import static io.ganeticonfd.config.Member.requiredValues;
import static io.ganeticonfd.config.Member.tags;
import static io.ganeticonfd.config.Member.timestamps;

import java.util.List;

/** Ganeti 3.0's instance and NIC objects. */
final class InstanceModel {

    static final ObjectModel NIC = ObjectModel.of(
            "NIC",
            List.of(
                    required("mac"),
                    optional("ip"),
                    required("nicparams", Shape.object(() -> ParamsModel.PARTIAL_NIC)),
                    optional("network"),
                    optional("name"),
                    required("uuid")));

    /**
     * An instance. Its {@code disks} are disk UUIDs; files of Ganeti before 2.12 hold the disk
     * objects themselves there, served as disks.
     */
    static final ObjectModel INSTANCE = ObjectModel.of(
            "instance",
            requiredValues("name", "primary_node", "os", "hypervisor"),
            List.of(
                    emptyObjectByDefault("hvparams", Shape.VALUE),
                    emptyObjectByDefault("beparams", Shape.object(() -> ParamsModel.PARTIAL_BE)),
                    emptyObjectByDefault("osparams", Shape.VALUE),
                    emptyObjectByDefault("osparams_private", Shape.PRIVATE),
                    required("admin_state"),
                    required("admin_state_source"),
                    emptyListByDefault("nics", Shape.listOf(() -> NIC)),
                    emptyListByDefault("disks", Shape.listOf(() -> DiskModel.DISK)),
                    required("disks_active"),
                    optional("network_port")),
            timestamps(),
            List.of(required("uuid"), required("serial_no"), tags()));

    private InstanceModel() {}
}
