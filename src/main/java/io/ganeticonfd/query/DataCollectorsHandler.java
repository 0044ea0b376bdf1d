package io.ganeticonfd.query;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * DATA_COLLECTORS: the six built-in collectors with their stored settings, or active every 5 s by
 * default; {@code inst-status-xen} is inactive unless a Xen hypervisor is enabled.
 */
final class DataCollectorsHandler implements QueryHandler {

    private static final List<String> COLLECTORS =
            List.of("cpu-avg-load", "xen-cpu-avg-load", "diskstats", "drbd", "inst-status-xen", "lv");
    private static final String XEN_STATUS = "inst-status-xen";
    private static final long DEFAULT_INTERVAL_MICROS = 5_000_000L;

    @Override
    public ReplyBody answer(QueryArgument query, PreparedAnswers prepared) {
        return prepared.dataCollectors;
    }

    /** The answer, prepared once per snapshot. */
    static ReplyBody prepare(ClusterSnapshot s) {
        return CommonReplies.okWithClusterSerial(collectors(s), s);
    }

    private static ObjectNode collectors(ClusterSnapshot s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode stored = s.cluster().dataCollectors();
        boolean xen =
                s.cluster().enabledHypervisors().stream().anyMatch(h -> h.equals("xen-pvm") || h.equals("xen-hvm"));
        ObjectNode out = f.objectNode();
        for (String name : COLLECTORS) {
            JsonNode entry = stored == null ? null : stored.get(name);
            ObjectNode settings = entry != null && entry.isObject()
                    ? ((ObjectNode) entry).deepCopy()
                    : f.objectNode().put("active", true).put("interval", DEFAULT_INTERVAL_MICROS);
            if (name.equals(XEN_STATUS) && !xen) {
                settings.put("active", false);
            }
            out.set(name, settings);
        }
        return out;
    }
}
