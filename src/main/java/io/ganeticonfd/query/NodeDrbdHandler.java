package io.ganeticonfd.query;

import java.util.ArrayList;
import java.util.List;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.DrbdMinor;
import io.ganeticonfd.config.Node;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * NODE_DRBD: the DRBD minors of a node as {@code [node, minor, instance, "disk/i", role, peer]},
 * with the node's serial.
 */
final class NodeDrbdHandler implements QueryHandler {

    private record Key(String node) {
    }

    @Override
    public ReplyBody answer(QueryArgument query, ClusterSnapshot s) {
        String name = Answers.plain(query);
        if (name == null) {
            return Answers.invalidQueryKind(query, "a node name");
        }
        return Answers.withFound(s.findNode(name), "Node", name,
                node -> s.memo(new Key(node.key()), () -> minors(node, s)));
    }

    private static ReplyBody minors(Node node, ClusterSnapshot s) {
        List<List<Object>> rows = new ArrayList<>();
        for (DrbdMinor m : s.drbdMinors(node)) {
            rows.add(List.of(m.nodeName(), m.minor(), m.instanceName(), "disk/" + m.diskIndex(),
                    m.primary() ? "primary" : "secondary", m.peerName()));
        }
        return ReplyBody.ok(Answers.json(rows), node.serial());
    }
}
