package io.ganeticonfd.query;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/** PING: the config's top-level version, serial 0; the argument is ignored. */
final class PingHandler implements QueryHandler {

    @Override
    public ReplyBody answer(QueryArgument query, PreparedAnswers prepared) {
        return prepared.ping;
    }

    /** The answer, prepared once per snapshot. */
    static ReplyBody prepare(ClusterSnapshot s) {
        return ReplyBody.ok(Long.toString(s.cluster().version()), 0);
    }
}
