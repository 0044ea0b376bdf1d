package io.ganeticonfd.query;

import java.util.List;
import java.util.Map;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigDocument;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * CONFIG_QUERY: the config value a JSON pointer designates, with the cluster serial. Answers are
 * cached per snapshot, for up to {@link PreparedAnswers#MAX_CACHED_POINTERS} pointers, so repeated
 * queries cost a lookup.
 */
final class ConfigQueryHandler implements QueryHandler {

    @Override
    public ReplyBody answer(QueryArgument query, PreparedAnswers prepared) {
        String pointer = CommonReplies.plain(query);
        if (pointer == null) {
            return CommonReplies.invalidQueryKind(query, "a JSON pointer");
        }
        Map<String, ReplyBody> cache = prepared.pointers;
        ReplyBody cached = cache.get(pointer);
        if (cached != null) {
            return cached;
        }
        ReplyBody answer = compute(pointer, prepared.snapshot());
        if (cache.size() < PreparedAnswers.MAX_CACHED_POINTERS) {
            cache.putIfAbsent(pointer, answer);
        }
        return answer;
    }

    private static ReplyBody compute(String pointer, ClusterSnapshot s) {
        List<String> tokens = LenientPointer.parse(pointer);
        ConfigDocument.Value value = tokens == null ? null : s.document().resolve(tokens, ReplyBody.MAX_DATAGRAM_BYTES);
        if (value == null) {
            return CommonReplies.argumentError();
        }
        return value.json() == null
                ? ReplyBody.tooLarge(value.size())
                : ReplyBody.ok(value.json(), s.cluster().clusterSerial());
    }
}
