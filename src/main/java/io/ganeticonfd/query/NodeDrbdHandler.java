package io.ganeticonfd.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.DrbdMinor;
import io.ganeticonfd.config.Node;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * NODE_DRBD: the DRBD minors of a node as {@code [node, minor, instance, "disk/i", role, peer]},
 * with the node's serial.
 */
final class NodeDrbdHandler extends PerNodeHandler {

    @Override
    Map<String, ReplyBody> cache(PreparedAnswers prepared) {
        return prepared.drbdByNode;
    }

    @Override
    ReplyBody compute(Node node, ClusterSnapshot s) {
        List<List<Object>> rows = new ArrayList<>();
        for (DrbdMinor m : s.drbdMinors(node)) {
            rows.add(List.of(
                    m.nodeName(),
                    m.minor(),
                    m.instanceName(),
                    "disk/" + m.diskIndex(),
                    m.primary() ? "primary" : "secondary",
                    m.peerName()));
        }
        return ReplyBody.ok(CommonReplies.json(rows), node.serial());
    }
}
