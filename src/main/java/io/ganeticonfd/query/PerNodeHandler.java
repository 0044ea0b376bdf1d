package io.ganeticonfd.query;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.Node;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * A request about one node named by the plain argument: finds the node, and computes its answer
 * once per node and snapshot.
 */
abstract class PerNodeHandler implements QueryHandler {

    private record Key(Class<?> handler, String node) {
    }

    @Override
    public final ReplyBody answer(QueryArgument query, ClusterSnapshot s) {
        String name = Answers.plain(query);
        if (name == null) {
            return Answers.invalidQueryKind(query, "a node name");
        }
        return Answers.withFound(s.findNode(name), "Node", name,
                node -> s.memo(new Key(getClass(), node.key()), () -> compute(node, s)));
    }

    /** The answer for {@code node}. */
    abstract ReplyBody compute(Node node, ClusterSnapshot s);
}
