package io.ganeticonfd.query;

import static io.ganeticonfd.testing.Answered.ask;
import static io.ganeticonfd.testing.Answered.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.testing.Answered;

/** JSON pointers as Ganeti's daemon reads them, rule by rule (PROTOCOL.md §5, type 10). */
class LenientPointerTest {

    static final ClusterSnapshot SNAPSHOT = snapshot("""
            {"version": 3000000,
             "cluster": {"cluster_name": "c.example.com", "master_node": "u-n1", "serial_no": 31,
                         "modify_etc_hosts": true, "volume_group_name": null, "candidate_pool_size": 2,
                         "tcpudp_port_pool": [11005, 11001, 11003],
                         "osparams": {"a/b": 1, "c~d": 2, "e~1f": 3, "~": 4, "": 5, "0": 6}},
             "nodes": {"u-n1": {"name": "n1.example.com", "primary_ip": "192.0.2.1"}}}
            """);

    static List<String> parse(String pointer) {
        return LenientPointer.parse(pointer);
    }

    /** The answer for a pointer, as JSON text, or null when it gets the argument error. */
    static String value(String pointer) {
        Answered a = ask(SNAPSHOT, RequestType.CONFIG_QUERY, pointer);
        if (a.status() == 1) {
            assertThat(a.answerJson()).isEqualTo("2");
            assertThat(a.serial()).isZero();
            return null;
        }
        assertThat(a.serial()).isEqualTo(31);
        return a.answerJson();
    }

    @Nested
    class Start {

        @ParameterizedTest
        @ValueSource(strings = {"", "cluster", "cluster/cluster_name", " /cluster", "~1cluster", "#/cluster"})
        void requiresALeadingSlash(String pointer) {
            assertThat(parse(pointer)).isNull();
            assertThat(value(pointer)).isNull();
        }

        @Test
        void cannotAddressTheWholeDocument() {
            assertThat(parse("/")).containsExactly("");
            assertThat(value("/")).isNull();
        }
    }

    @Nested
    class Tokens {

        @Test
        void splitsOnSlashes() {
            assertThat(parse("/cluster/osparams/0")).containsExactly("cluster", "osparams", "0");
            assertThat(value("/cluster/cluster_name")).isEqualTo("\"c.example.com\"");
        }

        @Test
        void addsAnEmptyTokenForATrailingSlash() {
            assertThat(parse("/cluster/")).containsExactly("cluster", "");
            assertThat(value("/cluster/")).isNull();
        }

        @Test
        void failsOnADoubleSlash() {
            assertThat(value("//")).isNull();
        }

        @ParameterizedTest
        @CsvSource({
            "/cluster/osparams/a~1b, 1",
            "/cluster/osparams/c~0d, 2",
            "/cluster/osparams/e~01f, 3",
            "/cluster/osparams/~0, 4"
        })
        void unescapesTildeOneAsSlashAndTildeZeroAsTilde(String pointer, String expected) {
            assertThat(value(pointer)).isEqualTo(expected);
        }

        @Test
        void decodesTildeZeroOneAsTildeOneNotSlash() {
            assertThat(parse("/e~01f")).containsExactly("e~1f");
            assertThat(parse("/a~1b~0c")).containsExactly("a/b~c");
        }

        @Test
        void matchesKeysCaseSensitively() {
            assertThat(value("/Cluster/cluster_name")).isNull();
            assertThat(value("/cluster/Cluster_Name")).isNull();
        }

        @Test
        void addressesObjectsByKeyNotByName() {
            assertThat(value("/nodes/u-n1/primary_ip")).isEqualTo("\"192.0.2.1\"");
            assertThat(value("/nodes/n1.example.com/primary_ip")).isNull();
        }

        @Test
        void treatsDigitsAsAKeyInObjects() {
            assertThat(value("/cluster/osparams/0")).isEqualTo("6");
            assertThat(value("/cluster/osparams/00")).isNull();
        }
    }

    @Nested
    class InvalidEscapes {

        @Test
        void stopsSilentlyAtAnInvalidEscapeKeepingWhatWasRead() {
            assertThat(parse("/cluster/cluster_name~x/ignored")).containsExactly("cluster", "cluster_name");
            assertThat(value("/cluster/cluster_name~x")).isEqualTo("\"c.example.com\"");
            assertThat(value("/cluster/cluster_name~2/anything")).isEqualTo("\"c.example.com\"");
        }

        @Test
        void returnsTheWholeParentWhenTheEscapeEndsTheFirstToken() {
            assertThat(parse("/cluster~2")).containsExactly("cluster");
            assertThat(value("/cluster~2"))
                    .startsWith("{")
                    .contains("\"cluster_name\":\"c.example.com\"")
                    .contains("\"serial_no\":31");
            assertThat(value("/cluster~")).isEqualTo(value("/cluster~2"));
        }

        @Test
        void failsWhenATokenWouldStartWithAnInvalidEscape() {
            assertThat(parse("/~2")).containsExactly("");
            assertThat(value("/~2")).isNull();
            assertThat(value("/cluster/~x")).isNull();
        }
    }

    @Nested
    class ArrayIndexes {

        @ParameterizedTest
        @CsvSource({
            "0, 11005",
            "1, 11001",
            "2, 11003",
            "00, 11005",
            "01, 11001",
            "0x, 11005",
            "1abc, 11001",
            "0000000000002, 11003",
            "2~x, 11003"
        })
        void usesTheLeadingDecimalDigits(String token, String expected) {
            assertThat(value("/cluster/tcpudp_port_pool/" + token)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"-1", "+0", "x", "x0", "", " 0", "3", "99", "2147483648", "99999999999999999999", "\u0661"})
        void failsOnSignsNonDigitsAndOutOfRange(String token) {
            assertThat(value("/cluster/tcpudp_port_pool/" + token)).isNull();
        }

        @Test
        void keepsTheStoredOrderOfLists() {
            assertThat(value("/cluster/tcpudp_port_pool")).isEqualTo("[11005,11001,11003]");
        }
    }

    @Nested
    class Scalars {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/cluster/cluster_name/0",
                    "/cluster/cluster_name/length",
                    "/cluster/serial_no/0",
                    "/cluster/modify_etc_hosts/x",
                    "/cluster/volume_group_name/x",
                    "/cluster/candidate_pool_size/0",
                    "/version/0"
                })
        void cannotIndexIntoStringsNumbersBooleansOrNull(String pointer) {
            assertThat(value(pointer)).isNull();
        }

        @Test
        void answersScalarsThemselves() {
            assertThat(value("/cluster/modify_etc_hosts")).isEqualTo("true");
            assertThat(value("/cluster/volume_group_name"))
                    .as("a null member is absent, as Ganeti reads it")
                    .isNull();
            assertThat(value("/version")).isEqualTo("3000000");
        }

        @Test
        void resolvesNothingForAMissingKey() {
            assertThat(value("/cluster/no_such_member")).isNull();
            assertThat(value("/no_such_map/x")).isNull();
        }
    }

    @Test
    void refusesQueriesThatAreNotPlainStrings() {
        for (QueryArgument query : List.of(QueryArgument.None.INSTANCE, QueryArgument.Dict.EMPTY)) {
            Answered a = ask(SNAPSHOT, RequestType.CONFIG_QUERY, query);

            assertThat(a.status()).isEqualTo(1);
            assertThat(a.serial()).isZero();
            assertThat(a.answer().isTextual())
                    .as("a message, not the argument error code")
                    .isTrue();
        }
    }

    @Test
    void resolvesTokensAgainstTheDocument() {
        var doc = SNAPSHOT.document();

        assertThat(new String(doc.resolve(List.of("cluster", "osparams", "a/b"), 65_507)
                        .json()))
                .isEqualTo("1");
        assertThat(doc.resolve(List.of(), 65_507))
                .as("no token addresses nothing")
                .isNull();
        assertThat(doc.resolve(List.of("cluster", "tcpudp_port_pool", "3"), 65_507))
                .isNull();
    }

    @Test
    void reportsTheSizeOfValuesTooLargeForTheLimit() {
        var value = SNAPSHOT.document().resolve(List.of("cluster"), 10);

        assertThat(value.json()).isNull();
        assertThat(value.size()).isGreaterThan(10);
    }
}
