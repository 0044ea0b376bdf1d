package io.ganeticonfd.query;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * INSTANCES_IPS_LIST: the distinct instance IPs on a link (the cluster default link without
 * argument), sorted as strings. The default link's answer is prepared with the snapshot, the
 * others on first request.
 */
final class InstancesIpsListHandler implements QueryHandler {

    @Override
    public ReplyBody answer(QueryArgument query, PreparedAnswers prepared) {
        if (query instanceof QueryArgument.Dict) {
            return CommonReplies.invalidQueryKind(query, "a link name or nothing");
        }
        ClusterSnapshot s = prepared.snapshot();
        String link =
                query instanceof QueryArgument.Plain p ? p.value() : s.cluster().defaultLink();
        if (link == null) {
            return CommonReplies.noDefaultLink();
        }
        if (s.instanceLinks().contains(link)) {
            return PreparedAnswers.cached(prepared.ipsByLink, link, () -> ips(s, link));
        }
        return prepared.noInstanceIps;
    }

    /** The answer for a link that carries instance IPs. */
    static ReplyBody ips(ClusterSnapshot s, String link) {
        return CommonReplies.okWithClusterSerial(s.ipsOnLink(link), s);
    }
}
