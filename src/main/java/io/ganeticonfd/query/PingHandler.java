package io.ganeticonfd.query;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/** PING: the config's top-level version, serial 0; the argument is ignored. */
final class PingHandler implements QueryHandler {

    private static final Object KEY = new Object();

    @Override
    public ReplyBody answer(QueryArgument query, ClusterSnapshot s) {
        return s.memo(KEY, () -> ReplyBody.ok(Long.toString(s.cluster().version()), 0));
    }

    @Override
    public void warm(ClusterSnapshot s) {
        answer(QueryArgument.None.INSTANCE, s);
    }
}
