package io.ganeticonfd.config;

import static io.ganeticonfd.config.Member.emptyObjectByDefault;
import static io.ganeticonfd.config.Member.optional;
import static io.ganeticonfd.config.Member.required;
import static io.ganeticonfd.config.Member.requiredValues;
import static io.ganeticonfd.config.Member.tags;
import static io.ganeticonfd.config.Member.timestamps;

import java.util.List;

/** Ganeti 3.0's cluster object. */
final class ClusterModel {

    static final ObjectModel CLUSTER = ObjectModel.of(
            "cluster",
            List.of(required("rsahostkeypub"), optional("dsahostkeypub")),
            requiredValues("highest_used_port", "tcpudp_port_pool", "mac_prefix"),
            List.of(optional("volume_group_name"), required("reserved_lvs"), optional("drbd_usermode_helper")),
            requiredValues(
                    "master_node",
                    "master_ip",
                    "master_netdev",
                    "master_netmask",
                    "use_external_mip_script",
                    "cluster_name",
                    "file_storage_dir",
                    "shared_file_storage_dir",
                    "gluster_storage_dir",
                    "enabled_hypervisors",
                    "hvparams",
                    "os_hvp"),
            List.of(
                    required("beparams", Shape.mapOf(() -> ParamsModel.FILLED_BE)),
                    required("osparams"),
                    required("osparams_private_cluster", Shape.PRIVATE),
                    required("nicparams", Shape.mapOf(() -> ParamsModel.FILLED_NIC)),
                    required("ndparams", Shape.object(() -> ParamsModel.FILLED_ND))),
            requiredValues(
                    "diskparams",
                    "candidate_pool_size",
                    "modify_etc_hosts",
                    "modify_ssh_setup",
                    "maintain_node_health",
                    "uid_pool",
                    "default_iallocator",
                    "default_iallocator_params",
                    "hidden_os",
                    "blacklisted_os",
                    "primary_ip_family",
                    "prealloc_wipe_disks"),
            List.of(
                    required("ipolicy", Shape.object(() -> ParamsModel.FILLED_IPOLICY)),
                    emptyObjectByDefault("hv_state_static", Shape.VALUE),
                    emptyObjectByDefault("disk_state_static", Shape.VALUE)),
            requiredValues(
                    "enabled_disk_templates",
                    "candidate_certs",
                    "max_running_jobs",
                    "max_tracked_jobs",
                    "install_image",
                    "instance_communication_network",
                    "zeroing_image",
                    "compression_tools",
                    "enabled_user_shutdown"),
            List.of(required("data_collectors", Shape.mapOf(() -> ParamsModel.DATA_COLLECTOR))),
            requiredValues("ssh_key_type", "ssh_key_bits"),
            timestamps(),
            List.of(required("uuid"), required("serial_no"), tags()));

    private ClusterModel() {}
}
