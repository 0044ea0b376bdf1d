package io.ganeticonfd.config;

import static io.ganeticonfd.config.Member.required;
import static io.ganeticonfd.config.Member.timestamps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ganeti 3.0's whole configuration: the top-level object, and through its members every kind of
 * object a config holds. Nothing but these models decides what a served object contains.
 */
final class ConfigDataModel {

    static final ObjectModel CONFIG_DATA = ObjectModel.of(
            "config",
            List.of(
                    required("version"),
                    required("cluster", Shape.object(() -> ClusterModel.CLUSTER)),
                    required("nodes", Shape.mapOf(() -> NodeModel.NODE)),
                    required("nodegroups", Shape.mapOf(() -> NodeModel.NODE_GROUP)),
                    required("instances", Shape.mapOf(() -> InstanceModel.INSTANCE)),
                    required("networks", Shape.mapOf(() -> NetworkModel.NETWORK)),
                    required("disks", Shape.mapOf(() -> DiskModel.DISK)),
                    required("filters", Shape.mapOf(() -> NetworkModel.FILTER_RULE))),
            timestamps(),
            List.of(required("serial_no")));

    /** The top-level maps of objects, by member name: each entry is one object of the kind given. */
    static final Map<String, ObjectModel> ENTRY_MAPS = entryMaps();

    private static Map<String, ObjectModel> entryMaps() {
        Map<String, ObjectModel> maps = new LinkedHashMap<>();
        for (Member m : CONFIG_DATA.members()) {
            if (m.shape() instanceof Shape.MapOf map) {
                maps.put(m.name(), map.model().get());
            }
        }
        return Collections.unmodifiableMap(maps);
    }

    private ConfigDataModel() {}
}
