package io.ganeticonfd.cli;

import static io.ganeticonfd.client.InProcessServer.SYNTHETIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.client.InProcessServer;
import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.support.Closer;
import io.ganeticonfd.support.CommandRun;

/** {@code ganeti-confd query} run in-process against in-process servers. */
class QueryCommandTest {

    private static final String KEY_FILE =
            ConformanceVectors.directory(SYNTHETIC).resolve("hmac.key").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final Closer closer = new Closer();

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of(), "missing request TYPE"),
                Arguments.of(List.of("nosuch"), "unknown request type 'nosuch'"),
                Arguments.of(List.of("12"), "unknown request type '12'"),
                Arguments.of(List.of("node-role"), "node-role needs an argument"),
                Arguments.of(List.of("ping", "x"), "ping takes no argument"),
                Arguments.of(List.of("node-role", "a", "b"), "Unmatched argument at index 5: 'b'"),
                Arguments.of(List.of("--port", "0", "ping"), "Invalid value for option '--port'"),
                Arguments.of(List.of("ping", "--port"), "Missing required parameter for option '--port'"),
                Arguments.of(List.of("--timeout", "abc", "ping"), "Invalid value for option '--timeout'"),
                Arguments.of(List.of("--timeout=0", "ping"), "Invalid value for option '--timeout'"),
                Arguments.of(List.of("--bogus", "ping"), "Unknown option: '--bogus'"),
                Arguments.of(
                        List.of("--json=yes", "ping"), "Invalid value for option '--json': 'yes' is not a boolean"),
                Arguments.of(List.of("--link", "br0", "ping"), "--link only applies"),
                Arguments.of(List.of("--fields", "0,7", "master"), "unknown master field '7'"),
                Arguments.of(List.of("--fields", "0", "ping"), "--fields only applies"),
                Arguments.of(List.of("--requests", "5", "ping"), "--requests only applies"),
                Arguments.of(List.of("--selftest", "ping"), "--selftest takes no"),
                Arguments.of(List.of("--coverage", "3", "ping"), "coverage 3"),
                Arguments.of(List.of("--peers", "host:x", "ping"), "bad port 'x'"),
                Arguments.of(List.of("--peers", ",", "ping"), "--peers needs at least one peer"),
                Arguments.of(List.of("--demo", "ping"), "--demo and --hmac-key-file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorsExitTwoWithOneLine(List<String> args, String message) {
        List<String> all = new ArrayList<>(List.of("--hmac-key-file", KEY_FILE));
        all.addAll(args);

        CommandRun run = run(all.toArray(String[]::new));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("ganeti-confd: error: ")
                .contains(message)
                .endsWith(" (see ganeti-confd query --help)\n")
                .hasLineCount(1);
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        CommandRun run = run("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Usage: ganeti-confd query").contains("node-pip-by-instance-ip", "--selftest");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void missingKeyFileIsOneLineNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-hmac.key");

        CommandRun run = run("--hmac-key-file", missing.toString(), "ping");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(missing.toString()).hasLineCount(1);
    }

    @Test
    void emptyKeyFileIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("hmac.key"));

        CommandRun run = run("--hmac-key-file", empty.toString(), "ping");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(empty + " is empty").hasLineCount(1);
    }

    @Test
    void readsGanetisKeyFileByDefault() {
        assumeThat(Path.of("/var/lib/ganeti/hmac.key")).doesNotExist();

        CommandRun run = run("ping");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("/var/lib/ganeti/hmac.key").hasLineCount(1);
    }

    @Test
    void printsTheMasterWithSerialAndPeerCount() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));

        CommandRun run = query(server, "master");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("master: node1.example.com (serial 2724, 1/1 peers answered)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void acceptsTheTypeByNumber() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));

        assertThat(query(server, "3").out()).startsWith("master: node1.example.com ");
        assertThat(query(server, "0").out()).isEqualTo("ping: config version 3000000 (1/1 peers answered)\n");
    }

    @Test
    void printsRoleNames() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));

        assertThat(query(server, "node-role", "node3.example.com").out())
                .isEqualTo("node-role node3.example.com: offline (serial 2724, 1/1 peers answered)\n");
        assertThat(query(server, "node-role", "node1.example.com").out())
                .startsWith("node-role node1.example.com: master ");
    }

    @Test
    void printsListsOnePerLine() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));

        CommandRun run = query(server, "node-pips");

        assertThat(run.out().lines()).hasSize(13).first().isEqualTo("node-pips (serial 2724, 1/1 peers answered):");
        assertThat(run.out().lines().skip(1))
                .allMatch(l -> l.matches("  172\\.16\\.0\\.\\d+"))
                .contains("  172.16.0.1");
    }

    @Test
    void printsMasterFieldsByName() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));

        assertThat(query(server, "master", "--fields", "2,name,1").out()).isEqualTo("""
                master (serial 2724, 1/1 peers answered):
                  node-primary-ip: 172.16.0.1
                  name: node1.example.com
                  master-ip: 198.51.100.11
                """);
    }

    @Test
    void looksUpAnInstanceIpOnAGivenLink() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));

        assertThat(query(server, "node-pip-by-instance-ip", "198.18.0.2", "--link", "br1")
                        .out())
                .isEqualTo(
                        "node-pip-by-instance-ip 198.18.0.2 (link br1): 172.16.0.12 (serial 2724, 1/1 peers answered)\n");
    }

    @Test
    void printsDrbdMinorsCollectorsAndConfigValues() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));

        assertThat(query(server, "node-drbd", "node1.example.com").out())
                .startsWith("node-drbd node1.example.com (serial 256, 1/1 peers answered):\n")
                .contains("\n  minor 6: inst51.example.com disk/0 (primary, peer node7.example.com)\n");
        assertThat(query(server, "data-collectors").out()).contains("\n  drbd: inactive, every 5 s\n");
        assertThat(query(server, "config", "/cluster/cluster_name").out())
                .isEqualTo("config /cluster/cluster_name: cluster1.example.com (serial 2724, 1/1 peers answered)\n");
        assertThat(query(server, "node-instances", "node1.example.com").out())
                .contains("\n  secondary inst52.example.com\n");
        assertThat(query(server, "instance-disks", "inst28.example.com").out())
                .startsWith("instance-disks inst28.example.com: none");
    }

    @Test
    void jsonListsEveryPeerWithSerialAndStatusAndTheChosenReply() throws Exception {
        InProcessServer older = closer.start(InProcessServer.serving(SYNTHETIC).clusterSerial(100));
        InProcessServer newer = closer.start(InProcessServer.serving(SYNTHETIC).clusterSerial(200));
        InProcessServer down = closer.start(InProcessServer.serving(SYNTHETIC).silent());

        CommandRun run = run(
                "--hmac-key-file",
                KEY_FILE,
                "--peers",
                older.peer() + "," + newer.peer() + "," + down.peer(),
                // two peers must answer within the timeout: a ceiling for a loaded box (the silent one waits it out)
                "--timeout",
                "5",
                "--json",
                "master");

        assertThat(run.code()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("type").asText()).isEqualTo("master");
        assertThat(json.get("chosen").get("peer").asText()).isEqualTo(newer.peer());
        assertThat(json.get("chosen").get("serial").asLong()).isEqualTo(200);
        assertThat(json.get("peers")).hasSize(3);
        assertThat(byPeer(json, older.peer()).get("serial").asLong()).isEqualTo(100);
        assertThat(byPeer(json, older.peer()).get("status").asInt()).isZero();
        assertThat(byPeer(json, older.peer()).get("answer").asText()).isEqualTo("node1.example.com");
        assertThat(byPeer(json, newer.peer()).get("outcome").asText()).isEqualTo("replied");
        assertThat(byPeer(json, down.peer()).get("outcome").asText()).isEqualTo("no-reply");
        assertThat(byPeer(json, down.peer()).has("serial")).isFalse();
    }

    @Test
    void exitsOneWhenNobodyAnswers() throws Exception {
        InProcessServer down = closer.start(InProcessServer.serving(SYNTHETIC).silent());

        CommandRun run = run("--hmac-key-file", KEY_FILE, "--peers", down.peer(), "--timeout", "0.2", "master");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no reply", down.peer() + " no-reply").hasLineCount(1);
    }

    @Test
    void jsonWithoutAnyReplyHasNoChosenReplyAndExitsOne() throws Exception {
        InProcessServer down = closer.start(InProcessServer.serving(SYNTHETIC).silent());

        CommandRun run = run("--hmac-key-file", KEY_FILE, "--peers", down.peer(), "--timeout", "0.2", "--json", "ping");

        assertThat(run.code()).isEqualTo(1);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("chosen").isNull()).isTrue();
        assertThat(json.get("answered").asInt()).isZero();
        assertThat(byPeer(json, down.peer()).get("outcome").asText()).isEqualTo("no-reply");
    }

    @Test
    void exitsOneWithTheErrorWhenTheChosenAnswerIsAnError() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));

        CommandRun unknownNode = query(server, "node-role", "no-such-node.example.com");
        CommandRun unknownIp = query(server, "node-pip-by-instance-ip", "203.0.113.254");

        assertThat(unknownNode.code()).isEqualTo(1);
        assertThat(unknownNode.out()).isEmpty();
        assertThat(unknownNode.err())
                .contains("error from " + server.peer(), "no-such-node.example.com not found")
                .hasLineCount(1);
        assertThat(unknownIp.err()).contains("unknown entry (0)").hasLineCount(1);
    }

    @Test
    void anArgumentTooLongForOneRequestIsAUsageError() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));

        CommandRun run = query(server, "config", "/" + "x".repeat(5000));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("4096").hasLineCount(1);
        assertThat(server.received()).isZero();
    }

    @Test
    void selftestPassesAgainstAHealthyServer() throws Exception {
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC));

        CommandRun run = run("--hmac-key-file", KEY_FILE, "--peers", server.peer(), "--selftest", "--requests", "20");

        assertThat(run.code()).as(run.out()).isZero();
        List<String> checks =
                run.out().lines().filter(l -> l.matches("(OK|FAIL) .*")).toList();
        assertThat(checks).hasSize(10).allMatch(l -> l.startsWith("OK "));
        assertThat(checks.get(0)).matches("OK +\\d+\\.\\d{3} ms  ping: config version 3000000");
        assertThat(run.out())
                .contains("node role of the master: node1.example.com is master")
                .endsWith("10/10 checks passed\n");
    }

    @Test
    void selftestFailsWhenTheServerIsDown() throws Exception {
        InProcessServer down = closer.start(InProcessServer.serving(SYNTHETIC).silent());

        CommandRun run = run(
                "--hmac-key-file",
                KEY_FILE,
                "--peers",
                down.peer(),
                "--timeout",
                "0.1",
                "--selftest",
                "--requests",
                "0",
                "--json");

        assertThat(run.code()).isEqualTo(1);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("passed").asInt()).isZero();
        assertThat(json.get("checks"))
                .hasSize(8)
                .allSatisfy(c -> assertThat(c.get("ok").asBoolean()).isFalse());
    }

    @Test
    void demoUsesTheBundledDemoKey() throws Exception {
        HmacKey demo = HmacKey.of(
                QueryCommand.class.getResourceAsStream(DemoCluster.KEY_RESOURCE).readAllBytes());
        InProcessServer server = closer.start(InProcessServer.serving(SYNTHETIC).serverKey(demo));

        CommandRun run = run("--demo", "--port", Integer.toString(server.port()), "ping");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("ping: config version 3000000");
    }

    private static JsonNode byPeer(JsonNode json, String peer) {
        for (JsonNode p : json.get("peers")) {
            if (p.get("peer").asText().equals(peer)) {
                return p;
            }
        }
        throw new AssertionError("no peer " + peer + " in " + json);
    }

    private static CommandRun query(InProcessServer server, String... args) {
        List<String> all = new ArrayList<>(List.of("--hmac-key-file", KEY_FILE, "--peers", server.peer()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    private static CommandRun run(String... args) {
        return CommandRun.subcommand("query", args);
    }
}
