package io.ganeticonfd.query;

import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/** Answers one request type from a snapshot's prepared answers. Pure and thread-safe. */
interface QueryHandler {

    /** The reply to {@code query} on the snapshot {@code prepared} belongs to. */
    ReplyBody answer(QueryArgument query, PreparedAnswers prepared);
}
