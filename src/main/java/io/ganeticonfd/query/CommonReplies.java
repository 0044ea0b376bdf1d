package io.ganeticonfd.query;

import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.NameIndex;
import io.ganeticonfd.protocol.ErrorCode;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/** The replies the handlers share (argument errors, unknown entries, lookup failures) and the argument checks behind them. */
final class CommonReplies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReplyBody ARGUMENT_ERROR = ReplyBody.error(ErrorCode.ARGUMENT);
    private static final ReplyBody UNKNOWN_ENTRY = ReplyBody.error(ErrorCode.UNKNOWN_ENTRY);
    private static final ReplyBody NO_DEFAULT_LINK = ReplyBody.error("The cluster has no default NIC link");

    private CommonReplies() {}

    /** Status 1 with error code 2: the argument is of the wrong kind. */
    static ReplyBody argumentError() {
        return ARGUMENT_ERROR;
    }

    /** Status 1 with error code 0: no such entry. */
    static ReplyBody unknownEntry() {
        return UNKNOWN_ENTRY;
    }

    /** Status 1: the config names a master node that is not among its nodes. */
    static ReplyBody unknownMaster(ClusterSnapshot s) {
        return ReplyBody.error("Master node " + s.cluster().masterNodeRef() + " is not a known node");
    }

    /** Status 1: a request defaulting to the cluster's NIC link, on a cluster that has none. */
    static ReplyBody noDefaultLink() {
        return NO_DEFAULT_LINK;
    }

    /** Status 1 with a message saying the argument kind does not fit the request. */
    static ReplyBody invalidQueryKind(QueryArgument query, String expected) {
        return ReplyBody.error("Invalid query type " + kind(query) + ": " + expected + " expected");
    }

    /** The plain-string argument, or null if the argument is of another kind. */
    static String plain(QueryArgument query) {
        return query instanceof QueryArgument.Plain p ? p.value() : null;
    }

    /** The error reply for a failed lookup of {@code what} named {@code name}, or null if found. */
    static <T> ReplyBody lookupError(NameIndex.Lookup<T> lookup, String what, String name) {
        if (lookup instanceof NameIndex.Lookup.NotFound) {
            return ReplyBody.error(what + " name " + name + " not found");
        }
        if (lookup instanceof NameIndex.Lookup.Ambiguous) {
            return ReplyBody.error(what + " name " + name + " has multiple matches");
        }
        return null;
    }

    /** Finds an entity and answers with {@code answer}, or the lookup error. */
    static <T> ReplyBody withFound(
            NameIndex.Lookup<T> lookup, String what, String name, Function<T, ReplyBody> answer) {
        ReplyBody error = lookupError(lookup, what, name);
        if (error != null) {
            return error;
        }
        return answer.apply(((NameIndex.Lookup.Found<T>) lookup).value());
    }

    /** A successful reply whose answer is {@code value} as JSON, with the cluster serial. */
    static ReplyBody okWithClusterSerial(Object value, ClusterSnapshot s) {
        return ReplyBody.ok(json(value), s.cluster().clusterSerial());
    }

    /** {@code value} as compact JSON text. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize answer", e);
        }
    }

    private static String kind(QueryArgument query) {
        if (query instanceof QueryArgument.None) {
            return "EmptyQuery";
        }
        return query instanceof QueryArgument.Plain ? "PlainQuery" : "DictQuery";
    }
}
