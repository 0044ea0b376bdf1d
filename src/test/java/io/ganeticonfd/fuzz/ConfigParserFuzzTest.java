package io.ganeticonfd.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigException;
import io.ganeticonfd.config.ConfigParser;
import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;

/**
 * Fuzz target for the config parser: any file either loads or is refused with a one-line
 * {@link ConfigException}; a loaded snapshot answers every request type without failing.
 */
class ConfigParserFuzzTest {

    private static final ConfigParser PARSER = new ConfigParser(new ObjectMapper(), false);
    private static final QueryEngine ENGINE = new QueryEngine();

    @FuzzTest(maxDuration = "5m")
    void anyFileLoadsOrIsRefusedWithOneLine(byte[] file) {
        ClusterSnapshot snapshot;
        try {
            snapshot = PARSER.parse(file);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        PreparedAnswers prepared = ENGINE.prepare(snapshot);
        String someNode = snapshot.nodes().isEmpty()
                ? "x"
                : snapshot.nodes().firstEntry().getValue().name();
        String someInstance = snapshot.instances().isEmpty()
                ? "x"
                : snapshot.instances().firstEntry().getValue().name();
        for (RequestType type : RequestType.values()) {
            for (QueryArgument q : new QueryArgument[] {
                QueryArgument.None.INSTANCE,
                new QueryArgument.Plain(someNode),
                new QueryArgument.Plain(someInstance),
                new QueryArgument.Plain("/cluster"),
                QueryArgument.Dict.EMPTY
            }) {
                ReplyBody body = ENGINE.answer(new ConfdRequest(type, q, "r"), prepared);
                assertThat(body.size()).isLessThanOrEqualTo(ReplyBody.MAX_DATAGRAM_BYTES + 200);
            }
        }
    }
}
