package io.ganeticonfd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigException;
import io.ganeticonfd.config.ConfigParser;
import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;

/** A reply body as a client reads it: status, decoded answer and serial. Plus helpers to obtain one. */
public record Answered(int status, JsonNode answer, long serial) {

    /** Reads numbers exactly (decimals as BigDecimal), so answers compare as the text on the wire. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final QueryEngine ENGINE = new QueryEngine();
    /** The answers prepared for each snapshot asked (keyed by identity: snapshots do not define equality). */
    private static final Map<ClusterSnapshot, PreparedAnswers> PREPARED = new ConcurrentHashMap<>();

    /** The engine {@link #ask} and {@link #body} use. */
    public static QueryEngine engine() {
        return ENGINE;
    }

    /** The answers prepared for {@code s}, once per snapshot as the daemon prepares them. */
    public static PreparedAnswers prepared(ClusterSnapshot s) {
        return PREPARED.computeIfAbsent(s, PreparedAnswers::of);
    }

    /** Decodes the message text of a reply body, checking its fixed layout. */
    public static Answered of(ReplyBody body) {
        try {
            JsonNode m = JSON.readTree(body.text());
            if (m.size() != 4 || m.path("protocol").asInt() != 1) {
                throw new AssertionError("malformed reply body: " + body.text());
            }
            return new Answered(
                    m.get("status").asInt(), m.get("answer"), m.get("serial").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a config given as JSON text (not redacted). */
    public static ClusterSnapshot snapshot(String configJson) {
        return snapshot(configJson, false);
    }

    /** Parses a config given as JSON text. */
    public static ClusterSnapshot snapshot(String configJson, boolean redactPrivate) {
        try {
            return new ConfigParser(new ObjectMapper(), redactPrivate)
                    .parse(configJson.getBytes(StandardCharsets.UTF_8));
        } catch (ConfigException e) {
            throw new AssertionError("config does not load: " + e.getMessage(), e);
        }
    }

    /** The body the engine answers for {@code type} with {@code query}. */
    public static ReplyBody body(ClusterSnapshot s, RequestType type, QueryArgument query) {
        return ENGINE.answer(new ConfdRequest(type, query, "rsalt"), prepared(s));
    }

    /** Asks {@code type} with {@code query}. */
    public static Answered ask(ClusterSnapshot s, RequestType type, QueryArgument query) {
        return of(body(s, type, query));
    }

    /** Asks {@code type} with a plain string argument. */
    public static Answered ask(ClusterSnapshot s, RequestType type, String plain) {
        return ask(s, type, new QueryArgument.Plain(plain));
    }

    /** Asks {@code type} without argument. */
    public static Answered ask(ClusterSnapshot s, RequestType type) {
        return ask(s, type, QueryArgument.None.INSTANCE);
    }

    /** A dict query with a link (may be null) and one IP. */
    public static QueryArgument.Dict ip(String link, String ip) {
        return new QueryArgument.Dict(link, ip, List.of(), List.of());
    }

    /** A dict query with field codes. */
    public static QueryArgument.Dict fields(MasterField... fields) {
        return new QueryArgument.Dict(null, null, List.of(), List.of(fields));
    }

    /** The answer as compact JSON text, for exact comparisons. */
    public String answerJson() {
        return answer.toString();
    }
}
