package io.ganeticonfd.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.Node;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * NODE_PIP_LIST and MC_PIP_LIST: primary IPs of all nodes, or of the master candidates, in
 * descending node-key order (as Ganeti's daemon lists them); the argument is ignored.
 */
final class NodePipListHandler implements QueryHandler {

    private final boolean candidatesOnly;

    private NodePipListHandler(boolean candidatesOnly) {
        this.candidatesOnly = candidatesOnly;
    }

    /** All nodes (NODE_PIP_LIST). */
    static NodePipListHandler allNodes() {
        return new NodePipListHandler(false);
    }

    /** Master candidates, whatever their other flags (MC_PIP_LIST). */
    static NodePipListHandler masterCandidates() {
        return new NodePipListHandler(true);
    }

    @Override
    public ReplyBody answer(QueryArgument query, PreparedAnswers prepared) {
        return candidatesOnly ? prepared.candidatePips : prepared.nodePips;
    }

    /** The answer listing the nodes that pass {@code filter}, prepared once per snapshot. */
    static ReplyBody prepare(ClusterSnapshot s, Predicate<Node> filter) {
        List<String> ips = new ArrayList<>();
        for (Node n : s.nodes().descendingMap().values()) {
            if (filter.test(n)) {
                ips.add(n.primaryIp());
            }
        }
        return CommonReplies.okWithClusterSerial(ips, s);
    }
}
