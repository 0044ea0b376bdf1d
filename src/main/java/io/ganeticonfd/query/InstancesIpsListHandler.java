package io.ganeticonfd.query;

import java.util.List;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * INSTANCES_IPS_LIST: the distinct instance IPs on a link (the cluster default link without
 * argument), sorted as strings. Answers are built once per link and snapshot.
 */
final class InstancesIpsListHandler implements QueryHandler {

    private record Key(String link) {
    }

    @Override
    public ReplyBody answer(QueryArgument query, ClusterSnapshot s) {
        if (query instanceof QueryArgument.Dict) {
            return Answers.invalidQueryKind(query, "a link name or nothing");
        }
        String link = query instanceof QueryArgument.Plain p ? p.value() : s.cluster().defaultLink();
        if (link == null) {
            return Answers.noDefaultLink();
        }
        if (s.instanceLinks().contains(link)) {
            return s.memo(new Key(link), () -> Answers.okWithClusterSerial(s.ipsOnLink(link), s));
        }
        return s.memo(Key.class, () -> Answers.okWithClusterSerial(List.of(), s));
    }

    @Override
    public void warm(ClusterSnapshot s) {
        if (s.cluster().defaultLink() != null) {
            answer(QueryArgument.None.INSTANCE, s);
        }
    }
}
