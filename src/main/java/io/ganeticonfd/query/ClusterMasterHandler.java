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

    private static final Object NAME_KEY = new Object();
    private static final Object FIELDS_KEY = new Object();

    @Override
    public ReplyBody answer(QueryArgument query, ClusterSnapshot s) {
        if (query instanceof QueryArgument.Plain) {
            return Answers.argumentError();
        }
        Node master = s.cluster().master();
        if (master == null) {
            return Answers.unknownMaster(s);
        }
        if (query instanceof QueryArgument.Dict dict) {
            Map<MasterField, String> values = fieldValues(s, master);
            StringBuilder sb = new StringBuilder(2 + 24 * dict.fields().size()).append('[');
            for (MasterField f : dict.fields()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(values.get(f));
            }
            return ReplyBody.ok(sb.append(']').toString(), s.cluster().clusterSerial());
        }
        return s.memo(NAME_KEY, () -> ReplyBody.ok(ReplyBody.quote(master.name()), s.cluster().clusterSerial()));
    }

    @Override
    public void warm(ClusterSnapshot s) {
        answer(QueryArgument.None.INSTANCE, s);
        if (s.cluster().master() != null) {
            fieldValues(s, s.cluster().master());
        }
    }

    private static Map<MasterField, String> fieldValues(ClusterSnapshot s, Node master) {
        return s.memo(FIELDS_KEY, () -> {
            Map<MasterField, String> m = new EnumMap<>(MasterField.class);
            m.put(MasterField.NAME, Answers.json(master.name()));
            m.put(MasterField.MASTER_IP, Answers.json(s.cluster().masterIp()));
            m.put(MasterField.NODE_PRIMARY_IP, Answers.json(master.primaryIp()));
            return m;
        });
    }
}
