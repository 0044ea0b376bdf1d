package io.ganeticonfd.query;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.Instance;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * NODE_PIP_BY_INSTANCE_IP: the primary IP of the node running the instance that owns an IP on a
 * link (member "1"), or a list of {@code [status, answer, serial]} results for several IPs (member "2").
 * The answers for single IPs owned by an instance are cached per snapshot (bounded by the config).
 */
final class NodePipByInstanceIpHandler implements QueryHandler {

    @Override
    public ReplyBody answer(QueryArgument query, PreparedAnswers prepared) {
        ClusterSnapshot s = prepared.snapshot();
        if (!(query instanceof QueryArgument.Dict dict)) {
            return CommonReplies.argumentError();
        }
        String link = dict.link() != null ? dict.link() : s.cluster().defaultLink();
        if (link == null) {
            return CommonReplies.noDefaultLink();
        }
        if (dict.ip() != null) {
            String pip = primaryIp(s, link, dict.ip());
            return pip == null
                    ? CommonReplies.unknownEntry()
                    : PreparedAnswers.cached(
                            prepared.nodePipByIp,
                            new PreparedAnswers.LinkIp(link, dict.ip()),
                            () -> ReplyBody.ok(ReplyBody.quote(pip), s.cluster().clusterSerial()));
        }
        long serial = s.cluster().clusterSerial();
        StringBuilder sb = new StringBuilder(16 + 40 * dict.ips().size()).append('[');
        for (String ip : dict.ips()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            String pip = primaryIp(s, link, ip);
            if (pip == null) {
                sb.append("[1,0,0]");
            } else {
                sb.append("[0,")
                        .append(ReplyBody.quote(pip))
                        .append(',')
                        .append(serial)
                        .append(']');
            }
        }
        return ReplyBody.ok(sb.append(']').toString(), serial);
    }

    private static String primaryIp(ClusterSnapshot s, String link, String ip) {
        Instance instance = s.instanceByIp(link, ip);
        if (instance == null || instance.primaryNode() == null) {
            return null;
        }
        return instance.primaryNode().primaryIp();
    }
}
