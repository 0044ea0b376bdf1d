package io.ganeticonfd.config;

import static io.ganeticonfd.config.Member.omittedWhenEmpty;
import static io.ganeticonfd.config.Member.required;
import static io.ganeticonfd.config.Member.requiredValues;
import static io.ganeticonfd.config.Member.tags;
import static io.ganeticonfd.config.Member.timestamps;

import java.util.List;

/** Ganeti 3.0's node and node group objects. */
final class NodeModel {

    static final ObjectModel NODE = ObjectModel.of(
            "node",
            requiredValues(
                    "name",
                    "primary_ip",
                    "secondary_ip",
                    "master_candidate",
                    "offline",
                    "drained",
                    "group",
                    "master_capable",
                    "vm_capable"),
            List.of(
                    required("ndparams", Shape.object(() -> ParamsModel.PARTIAL_ND)),
                    required("powered"),
                    omittedWhenEmpty("hv_state_static"),
                    omittedWhenEmpty("disk_state_static")),
            timestamps(),
            List.of(required("uuid"), required("serial_no"), tags()));

    static final ObjectModel NODE_GROUP = ObjectModel.of(
            "node group",
            List.of(
                    required("name"),
                    Member.emptyListByDefault("members", Shape.VALUE),
                    required("ndparams", Shape.object(() -> ParamsModel.PARTIAL_ND)),
                    required("alloc_policy"),
                    required("ipolicy", Shape.object(() -> ParamsModel.PARTIAL_IPOLICY)),
                    required("diskparams"),
                    required("networks", Shape.mapOf(() -> ParamsModel.PARTIAL_NIC)),
                    omittedWhenEmpty("hv_state_static"),
                    omittedWhenEmpty("disk_state_static")),
            timestamps(),
            List.of(required("uuid"), required("serial_no"), tags()));

    private NodeModel() {}
}
