package io.ganeticonfd.query;

import java.util.List;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigDocument;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/**
 * CONFIG_QUERY: the config value a JSON pointer designates, with the cluster serial. Answers for
 * pointers that resolve are cached per snapshot, up to a bound, so repeated queries cost a lookup.
 */
final class ConfigQueryHandler implements QueryHandler {

    /** How many memoized values a snapshot may hold before pointer answers stop being cached. */
    static final int MAX_CACHED = 4096;

    private record Key(String pointer) {
    }

    @Override
    public ReplyBody answer(QueryArgument query, ClusterSnapshot s) {
        String pointer = Answers.plain(query);
        if (pointer == null) {
            return Answers.invalidQueryKind(query, "a JSON pointer");
        }
        Key key = new Key(pointer);
        if (s.memoSize() < MAX_CACHED) {
            return s.memo(key, () -> compute(pointer, s));
        }
        return compute(pointer, s);
    }

    private static ReplyBody compute(String pointer, ClusterSnapshot s) {
        List<String> tokens = LenientPointer.parse(pointer);
        ConfigDocument.Value value = tokens == null ? null : s.document().resolve(tokens, ReplyBody.MAX_DATAGRAM_BYTES);
        if (value == null) {
            return Answers.argumentError();
        }
        return value.json() == null ? ReplyBody.tooLarge(value.size()) : ReplyBody.ok(value.json(), s.cluster().serial());
    }
}
