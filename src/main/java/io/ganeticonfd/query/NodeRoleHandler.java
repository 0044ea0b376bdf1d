package io.ganeticonfd.query;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.Node;
import io.ganeticonfd.protocol.NodeRole;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * NODE_ROLE_BYNAME: the role code of a node. As in Ganeti, the node is the master only when the
 * query string equals the master's name; otherwise drained, offline, candidate, regular, in that order.
 */
final class NodeRoleHandler implements QueryHandler {

    private record Key(NodeRole role) {
    }

    @Override
    public ReplyBody answer(QueryArgument query, ClusterSnapshot s) {
        String name = Answers.plain(query);
        if (name == null) {
            return Answers.invalidQueryKind(query, "a node name");
        }
        Node master = s.cluster().master();
        if (master == null) {
            return Answers.unknownMaster(s);
        }
        return Answers.withFound(s.findNode(name), "Node", name, node -> body(role(name, node, master), s));
    }

    @Override
    public void warm(ClusterSnapshot s) {
        for (NodeRole role : NodeRole.values()) {
            body(role, s);
        }
    }

    private static NodeRole role(String query, Node node, Node master) {
        if (query.equals(master.name())) {
            return NodeRole.MASTER;
        }
        if (node.drained()) {
            return NodeRole.DRAINED;
        }
        if (node.offline()) {
            return NodeRole.OFFLINE;
        }
        return node.masterCandidate() ? NodeRole.CANDIDATE : NodeRole.REGULAR;
    }

    private static ReplyBody body(NodeRole role, ClusterSnapshot s) {
        return s.memo(new Key(role), () -> ReplyBody.ok(Integer.toString(role.code()), s.cluster().clusterSerial()));
    }
}
