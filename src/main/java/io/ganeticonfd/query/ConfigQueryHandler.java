package io.ganeticonfd.query;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigDocument;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * CONFIG_QUERY: the config value a JSON pointer designates, with the cluster serial. Answers are
 * cached per snapshot, for up to {@link #MAX_CACHED} pointers, so repeated queries cost a lookup.
 */
final class ConfigQueryHandler implements QueryHandler {

    /** How many pointer answers a snapshot caches; beyond that they are computed on each request. */
    static final int MAX_CACHED = 4096;

    /** The memo key of a snapshot's pointer-answer cache. */
    private enum CacheKey { INSTANCE }

    @Override
    public ReplyBody answer(QueryArgument query, ClusterSnapshot s) {
        String pointer = Answers.plain(query);
        if (pointer == null) {
            return Answers.invalidQueryKind(query, "a JSON pointer");
        }
        Map<String, ReplyBody> cache = cache(s);
        ReplyBody cached = cache.get(pointer);
        if (cached != null) {
            return cached;
        }
        ReplyBody answer = compute(pointer, s);
        if (cache.size() < MAX_CACHED) {
            cache.putIfAbsent(pointer, answer);
        }
        return answer;
    }

    /** The pointer answers cached for {@code s}. */
    static Map<String, ReplyBody> cache(ClusterSnapshot s) {
        return s.memo(CacheKey.INSTANCE, ConcurrentHashMap::new);
    }

    private static ReplyBody compute(String pointer, ClusterSnapshot s) {
        List<String> tokens = LenientPointer.parse(pointer);
        ConfigDocument.Value value = tokens == null ? null : s.document().resolve(tokens, ReplyBody.MAX_DATAGRAM_BYTES);
        if (value == null) {
            return Answers.argumentError();
        }
        return value.json() == null ? ReplyBody.tooLarge(value.size()) : ReplyBody.ok(value.json(), s.cluster().clusterSerial());
    }
}
