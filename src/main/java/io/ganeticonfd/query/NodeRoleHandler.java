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

    @Override
    public ReplyBody answer(QueryArgument query, PreparedAnswers prepared) {
        String name = CommonReplies.plain(query);
        if (name == null) {
            return CommonReplies.invalidQueryKind(query, "a node name");
        }
        if (prepared.unknownMaster != null) {
            return prepared.unknownMaster;
        }
        ClusterSnapshot s = prepared.snapshot();
        Node master = s.cluster().master();
        return CommonReplies.withFound(
                s.findNode(name), "Node", name, node -> prepared.roles.get(role(name, node, master)));
    }

    /** The answer for {@code role}, prepared once per snapshot. */
    static ReplyBody body(NodeRole role, ClusterSnapshot s) {
        return ReplyBody.ok(Integer.toString(role.code()), s.cluster().clusterSerial());
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
}
