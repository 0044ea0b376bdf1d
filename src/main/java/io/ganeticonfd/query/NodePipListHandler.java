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

    private final Object key = new Object();
    private final Predicate<Node> filter;

    private NodePipListHandler(Predicate<Node> filter) {
        this.filter = filter;
    }

    /** All nodes (NODE_PIP_LIST). */
    static NodePipListHandler allNodes() {
        return new NodePipListHandler(n -> true);
    }

    /** Master candidates, whatever their other flags (MC_PIP_LIST). */
    static NodePipListHandler masterCandidates() {
        return new NodePipListHandler(Node::masterCandidate);
    }

    @Override
    public ReplyBody answer(QueryArgument query, ClusterSnapshot s) {
        return s.memo(key, () -> {
            List<String> ips = new ArrayList<>();
            for (Node n : s.nodes().descendingMap().values()) {
                if (filter.test(n)) {
                    ips.add(n.primaryIp());
                }
            }
            return Answers.okWithClusterSerial(ips, s);
        });
    }

    @Override
    public void warm(ClusterSnapshot s) {
        answer(QueryArgument.None.INSTANCE, s);
    }
}
