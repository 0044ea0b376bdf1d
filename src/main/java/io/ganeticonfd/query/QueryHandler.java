package io.ganeticonfd.query;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/** Answers one request type from a snapshot. Pure and thread-safe. */
interface QueryHandler {

    /** The reply to {@code query} on {@code snapshot}. */
    ReplyBody answer(QueryArgument query, ClusterSnapshot snapshot);

    /** Precomputes what does not depend on the query, once per snapshot (default: nothing). */
    default void warm(ClusterSnapshot snapshot) {
    }
}
