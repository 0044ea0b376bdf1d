package io.ganeticonfd.query;

import java.util.Map;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.Node;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * A request about one node named by the plain argument: finds the node, and computes its answer
 * once per node and snapshot.
 */
abstract class PerNodeHandler implements QueryHandler {

    @Override
    public final ReplyBody answer(QueryArgument query, PreparedAnswers prepared) {
        String name = CommonReplies.plain(query);
        if (name == null) {
            return CommonReplies.invalidQueryKind(query, "a node name");
        }
        ClusterSnapshot s = prepared.snapshot();
        return CommonReplies.withFound(
                s.findNode(name),
                "Node",
                name,
                node -> PreparedAnswers.cached(cache(prepared), node.key(), () -> compute(node, s)));
    }

    /** This request type's answers of the snapshot, by node key. */
    abstract Map<String, ReplyBody> cache(PreparedAnswers prepared);

    /** The answer for {@code node}. */
    abstract ReplyBody compute(Node node, ClusterSnapshot s);
}
