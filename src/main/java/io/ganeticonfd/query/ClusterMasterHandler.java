package io.ganeticonfd.query;

import java.util.EnumMap;
import java.util.Map;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.Node;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * CLUSTER_MASTER: without argument the master's name; with a dict, one value per field code of
 * member "3" (name, master IP, master node's primary IP), in query order.
 */
final class ClusterMasterHandler implements QueryHandler {

    @Override
    public ReplyBody answer(QueryArgument query, PreparedAnswers prepared) {
        if (query instanceof QueryArgument.Plain) {
            return CommonReplies.argumentError();
        }
        if (prepared.unknownMaster != null) {
            return prepared.unknownMaster;
        }
        if (query instanceof QueryArgument.Dict dict) {
            Map<MasterField, String> values = prepared.masterFields;
            StringBuilder sb = new StringBuilder(2 + 24 * dict.fields().size()).append('[');
            for (MasterField f : dict.fields()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(values.get(f));
            }
            return ReplyBody.ok(
                    sb.append(']').toString(), prepared.snapshot().cluster().clusterSerial());
        }
        return prepared.masterName;
    }

    /** The answer without argument, prepared once per snapshot. */
    static ReplyBody name(ClusterSnapshot s, Node master) {
        return ReplyBody.ok(ReplyBody.quote(master.name()), s.cluster().clusterSerial());
    }

    /** Each field's value as JSON, prepared once per snapshot. */
    static Map<MasterField, String> fieldValues(ClusterSnapshot s, Node master) {
        Map<MasterField, String> m = new EnumMap<>(MasterField.class);
        m.put(MasterField.NAME, CommonReplies.json(master.name()));
        m.put(MasterField.MASTER_IP, CommonReplies.json(s.cluster().masterIp()));
        m.put(MasterField.NODE_PRIMARY_IP, CommonReplies.json(master.primaryIp()));
        return m;
    }
}
