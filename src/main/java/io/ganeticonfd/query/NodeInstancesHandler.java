package io.ganeticonfd.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.Instance;
import io.ganeticonfd.config.Node;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * NODE_INSTANCES: {@code [primaries, secondaries]}, the full instance objects for which a node is
 * primary, and secondary through a top-level DRBD disk; with the node's serial.
 */
final class NodeInstancesHandler extends PerNodeHandler {

    @Override
    Map<String, ReplyBody> cache(PreparedAnswers prepared) {
        return prepared.instancesByNode;
    }

    @Override
    ReplyBody compute(Node node, ClusterSnapshot s) {
        return ReplyBody.ok(
                JsonArrays.pair(objects(s.primaryInstances(node)), objects(s.secondaryInstances(node))), node.serial());
    }

    private static List<byte[]> objects(List<Instance> instances) {
        List<byte[]> out = new ArrayList<>(instances.size());
        instances.forEach(i -> out.add(i.json()));
        return out;
    }
}
