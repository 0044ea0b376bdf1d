package io.ganeticonfd.config;

import static io.ganeticonfd.testing.Answered.ask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.testing.Answered;

/**
 * Loading every config layout Ganeti 2.7 to 3.0 writes, checked through the answers the daemon
 * gives for it; leniency (unknown members, missing optional ones); and one-line load errors.
 */
class ConfigParserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ClusterSnapshot parse(String config) throws ConfigException {
        return new ConfigParser(JSON, false).parse(config.getBytes(StandardCharsets.UTF_8));
    }

    static String loadError(String config) {
        try {
            parse(config);
        } catch (ConfigException e) {
            assertThat(e.getMessage())
                    .as("one line")
                    .doesNotContain("\n")
                    .doesNotContain("\r")
                    .isNotBlank();
            return e.getMessage();
        }
        throw new AssertionError("config loaded: " + config);
    }

    @ParameterizedTest
    @EnumSource(ConfigLayouts.class)
    void answersPingWithTheFilesVersion(ConfigLayouts layout) throws ConfigException {
        Answered ping = ask(parse(layout.config()), RequestType.PING);

        assertThat(ping.answer().asLong()).isEqualTo(layout.version);
        assertThat(ping.serial()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ConfigLayouts.class)
    void findsTheMasterWhetherNamedOrByUuid(ConfigLayouts layout) throws ConfigException {
        ClusterSnapshot s = parse(layout.config());

        assertThat(ask(s, RequestType.CLUSTER_MASTER))
                .isEqualTo(new Answered(0, JSON.valueToTree("node1.example.com"), 17));
        assertThat(ask(
                                s,
                                RequestType.CLUSTER_MASTER,
                                Answered.fields(MasterField.NAME, MasterField.MASTER_IP, MasterField.NODE_PRIMARY_IP))
                        .answerJson())
                .isEqualTo("[\"node1.example.com\",\"192.0.2.10\",\"192.0.2.1\"]");
        assertThat(s.cluster().master().key()).isEqualTo(layout.node(1));
    }

    @ParameterizedTest
    @EnumSource(ConfigLayouts.class)
    void answersNodeRoles(ConfigLayouts layout) throws ConfigException {
        ClusterSnapshot s = parse(layout.config());

        assertThat(ask(s, RequestType.NODE_ROLE_BYNAME, "node1.example.com"))
                .isEqualTo(new Answered(0, JSON.valueToTree(0), 17));
        assertThat(ask(s, RequestType.NODE_ROLE_BYNAME, "node2.example.com")
                        .answer()
                        .asInt())
                .isEqualTo(1);
        assertThat(ask(s, RequestType.NODE_ROLE_BYNAME, "node3.example.com")
                        .answer()
                        .asInt())
                .isEqualTo(2);
        assertThat(ask(s, RequestType.NODE_ROLE_BYNAME, "node1").answer().asInt())
                .as("master by short name")
                .isEqualTo(1);
        assertThat(ask(s, RequestType.NODE_ROLE_BYNAME, layout.node(3)).answer().asInt())
                .isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(ConfigLayouts.class)
    void answersDrbdMinorsOfBothSides(ConfigLayouts layout) throws ConfigException {
        ClusterSnapshot s = parse(layout.config());

        assertThat(ask(s, RequestType.NODE_DRBD, "node1.example.com"))
                .isEqualTo(new Answered(
                        0,
                        JSON.valueToTree(new Object[][] {
                            {"node1.example.com", 0, "inst1.example.com", "disk/0", "primary", "node2.example.com"}
                        }),
                        3));
        assertThat(ask(s, RequestType.NODE_DRBD, "node2").answerJson())
                .isEqualTo(
                        "[[\"node2.example.com\",1,\"inst1.example.com\",\"disk/0\",\"secondary\",\"node1.example.com\"]]");
        assertThat(ask(s, RequestType.NODE_DRBD, "node3.example.com"))
                .isEqualTo(new Answered(0, JSON.createArrayNode(), 5));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "7 | 7", "7.9 | 7", "\"7\" | 7", "\"7.5\" | 7", "1e30 | 9223372036854775807",
                "123456789012345678901234567890 | 9223372036854775807", "-3 | -3", "true | 0", "null | 0", "[1] | 0",
                "{\"a\": 1} | 0", "\"x\" | 0"
            })
    void readsDrbdMinorsWrittenAsNumbersOrStrings(String written, long minor) throws ConfigException {
        ClusterSnapshot s = parse(drbdConfig("\"n1\", \"n2\", 11000, " + written + ", 2, \"secret\""));

        assertThat(s.drbdMinors(s.nodes().get("n1")))
                .extracting(DrbdMinor::minor)
                .containsExactly(minor);
        assertThat(s.drbdMinors(s.nodes().get("n2")))
                .extracting(DrbdMinor::minor)
                .containsExactly(2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"n1\", \"n2\", 11000, 1", "\"n1\"", ""})
    void ignoresADrbdLogicalIdWithTooFewMembers(String members) throws ConfigException {
        ClusterSnapshot s = parse(drbdConfig(members));

        assertThat(s.drbdMinors(s.nodes().get("n1"))).isEmpty();
        assertThat(s.instances()).containsKey("i1");
    }

    /** Found by fuzzing: an exponent beyond int range made normalization fail after the swap, at query time. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"logical_id\": [\"n1\", \"n2\", 11000, 1e4444444444444444444444, 2, \"s\"]",
                "\"size\": 1e-99999999999999999999, \"logical_id\": [\"n1\", \"n2\", 11000, 1, 2, \"s\"]"
            })
    void refusesNumbersBeyondAnyRangeAtLoad(String members) {
        String config = drbdConfig("\"n1\", \"n2\", 11000, 1, 2, \"s\"")
                .replace("\"logical_id\": [\"n1\", \"n2\", 11000, 1, 2, \"s\"]", members);
        assertThat(loadError(config)).startsWith("invalid JSON: number out of range: 1e");
    }

    @Test
    void refusesNumbersBeyondAnyRangeInSectionsItSkips() {
        String config = drbdConfig("\"n1\", \"n2\", 11000, 1, 2, \"s\"")
                .replace(
                        "\"cluster_name\": \"c\"",
                        "\"cluster_name\": \"c\", \"ndparams\": {\"x\": [{\"y\": 2e99999999999999999999}]}");
        assertThat(loadError(config)).contains("number out of range");
    }

    @Test
    void acceptsLongButOrdinaryDecimals() throws ConfigException {
        String config = drbdConfig("\"n1\", \"n2\", 11000, 1, 2, \"s\"")
                .replace(
                        "\"cluster_name\": \"c\"",
                        "\"cluster_name\": \"c\", \"ctime\": 1700000000.12345678901234567890123, \"mtime\": 1e400");
        assertThat(parse(config).instances()).containsKey("i1");
    }

    static String drbdConfig(String logicalIdMembers) {
        return """
                {"version": 3000000, "cluster": {"master_node": "n1", "cluster_name": "c"},
                 "nodes": {"n1": {"name": "node1.example.com"}, "n2": {"name": "node2.example.com"}},
                 "disks": {"d1": {"dev_type": "drbd", "logical_id": [%s], "iv_name": "disk/0",
                                  "children": [{"dev_type": "plain", "logical_id": ["vg", "d1_data"]}]}},
                 "instances": {"i1": {"name": "inst1.example.com", "primary_node": "n1", "disks": ["d1"]}}}
                """.formatted(logicalIdMembers);
    }

    @ParameterizedTest
    @EnumSource(ConfigLayouts.class)
    void answersInstanceDisksInlineOrFromTheDiskMap(ConfigLayouts layout) throws ConfigException {
        ClusterSnapshot s = parse(layout.config());

        Answered inst1 = ask(s, RequestType.INSTANCE_DISKS, "inst1.example.com");
        Answered inst2 = ask(s, RequestType.INSTANCE_DISKS, "inst2");

        assertThat(inst1.status()).isZero();
        assertThat(inst1.serial()).isEqualTo(9);
        assertThat(inst1.answer()).hasSize(1);
        JsonNode drbd = inst1.answer().get(0);
        assertThat(drbd.get("dev_type").asText()).isEqualTo(layout.drbdType);
        assertThat(drbd.get("logical_id").toString())
                .isEqualTo("[\"" + layout.node(1) + "\",\"" + layout.node(2) + "\",11000,0,1,\"s3cret\"]");
        assertThat(drbd.get("children")).hasSize(2);
        assertThat(drbd.get("children").get(1).get("size").asInt()).isEqualTo(128);
        assertThat(inst2.serial()).isEqualTo(2);
        assertThat(inst2.answer().get(0).get("logical_id").toString()).isEqualTo("[\"xenvg\",\"inst2.disk0\"]");
    }

    @ParameterizedTest
    @EnumSource(ConfigLayouts.class)
    void answersInstancesOfANodeAndTheIpQueries(ConfigLayouts layout) throws ConfigException {
        ClusterSnapshot s = parse(layout.config());

        Answered node2 = ask(s, RequestType.NODE_INSTANCES, "node2.example.com");

        assertThat(node2.answer().get(0).findValuesAsText("name")).containsExactly("inst2.example.com");
        assertThat(node2.answer().get(1).findValuesAsText("name")).containsExactly("inst1.example.com");
        assertThat(node2.serial()).isEqualTo(4);
        assertThat(ask(s, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip(null, "198.51.100.5")))
                .isEqualTo(new Answered(0, JSON.valueToTree("192.0.2.1"), 17));
        assertThat(ask(s, RequestType.INSTANCES_IPS_LIST).answerJson()).isEqualTo("[\"198.51.100.5\"]");
        assertThat(ask(s, RequestType.NODE_PIP_LIST).answerJson())
                .isEqualTo("[\"192.0.2.3\",\"192.0.2.2\",\"192.0.2.1\"]");
        assertThat(ask(s, RequestType.MC_PIP_LIST).answerJson()).isEqualTo("[\"192.0.2.2\",\"192.0.2.1\"]");
    }

    @ParameterizedTest
    @EnumSource(ConfigLayouts.class)
    void keepsBothSerials(ConfigLayouts layout) throws ConfigException {
        ClusterInfo cluster = parse(layout.config()).cluster();

        assertThat(cluster.fileSerial()).isEqualTo(51);
        assertThat(cluster.clusterSerial()).isEqualTo(17);
        assertThat(cluster.name()).isEqualTo("cluster.example.com");
        assertThat(cluster.defaultLink()).isEqualTo("br0");
    }

    @Test
    void answersDataCollectorDefaultsForConfigsOlderThanTheirIntroduction() throws ConfigException {
        Answered old = ask(parse(ConfigLayouts.GANETI_2_7.config()), RequestType.DATA_COLLECTORS);
        Answered current = ask(parse(ConfigLayouts.GANETI_3_0.config()), RequestType.DATA_COLLECTORS);

        assertThat(old.answer().get("drbd").toString()).isEqualTo("{\"active\":true,\"interval\":5000000}");
        assertThat(current.answer().get("drbd").toString()).isEqualTo("{\"active\":false,\"interval\":5000000}");
        assertThat(old.answer().get("inst-status-xen").get("active").asBoolean())
                .isTrue();
    }

    @Test
    void ignoresUnknownMembersEverywhere() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(ConfigLayouts.GANETI_3_0.config());
        addUnknownMembers(tree);
        String withUnknown = JSON.writeValueAsString(tree);
        assertThat(withUnknown).contains("\"x_future_member\"");

        ClusterSnapshot plain = parse(ConfigLayouts.GANETI_3_0.config());
        ClusterSnapshot lenient = parse(withUnknown);

        for (Map.Entry<RequestType, String> q : Map.of(
                        RequestType.PING,
                        "",
                        RequestType.NODE_ROLE_BYNAME,
                        "node3.example.com",
                        RequestType.CLUSTER_MASTER,
                        "",
                        RequestType.NODE_PIP_LIST,
                        "",
                        RequestType.MC_PIP_LIST,
                        "",
                        RequestType.INSTANCES_IPS_LIST,
                        "",
                        RequestType.NODE_DRBD,
                        "node2")
                .entrySet()) {
            Answered expected = q.getValue().isEmpty() ? ask(plain, q.getKey()) : ask(plain, q.getKey(), q.getValue());
            Answered actual =
                    q.getValue().isEmpty() ? ask(lenient, q.getKey()) : ask(lenient, q.getKey(), q.getValue());
            assertThat(actual).as("%s", q.getKey()).isEqualTo(expected);
        }
        assertThat(ask(lenient, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip(null, "198.51.100.5"))
                        .answer()
                        .asText())
                .isEqualTo("192.0.2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": [1, {\"b\": 2}]}", "[{\"c\": 3}]"})
    void skipsKnownScalarMembersWrittenAsObjectsOrArrays(String value) throws ConfigException {
        ClusterSnapshot s = parse("""
                {"version": 3000000, "cluster": {"master_node": "n1", "nicparams": {"default": {"link": "br0"}}},
                 "nodes": {"n1": {"offline": %1$s, "serial_no": %1$s, "name": "node1.example.com",
                                  "primary_ip": "192.0.2.1", "master_candidate": true}},
                 "instances": {"i1": {"serial_no": %1$s, "name": "inst1.example.com", "primary_node": "n1",
                                      "nics": [{"ip": "198.51.100.7"}]},
                               "i2": {"name": "inst2.example.com", "primary_node": "n1"}}}
                """.formatted(value));

        assertThat(s.instances()).containsOnlyKeys("i1", "i2");
        assertThat(s.instanceByIp("br0", "198.51.100.7").name()).isEqualTo("inst1.example.com");
        Node node = s.nodes().get("n1");
        assertThat(node.name()).isEqualTo("node1.example.com");
        assertThat(node.primaryIp()).isEqualTo("192.0.2.1");
        assertThat(node.masterCandidate()).isTrue();
    }

    /** Adds a member no Ganeti version knows to the top level, cluster, nodes, instances, NICs, disks and children. */
    private static void addUnknownMembers(ObjectNode root) {
        unknown(root);
        unknown(root.get("cluster"));
        unknown(root.get("cluster").get("nicparams").get("default"));
        root.get("nodes").forEach(ConfigParserTest::unknown);
        root.get("instances").forEach(i -> {
            unknown(i);
            i.get("nics").forEach(ConfigParserTest::unknown);
        });
        root.get("disks").forEach(d -> {
            unknown(d);
            d.path("children").forEach(ConfigParserTest::unknown);
        });
    }

    private static void unknown(JsonNode object) {
        ((ObjectNode) object).putObject("x_future_member").put("since", "4.0");
    }

    @Test
    void defaultsMissingOptionalMembers() throws ConfigException {
        ClusterSnapshot s = parse("""
                {"version": 2160000,
                 "cluster": {"master_node": "n1", "cluster_name": "minimal.example.com"},
                 "nodes": {"n1": {"name": "n1.example.com", "primary_ip": "192.0.2.1"},
                           "n2": {"primary_ip": "192.0.2.2"}},
                 "instances": {"i1": {"name": "i1.example.com", "primary_node": "n1"}}}
                """);

        assertThat(ask(s, RequestType.PING).answer().asLong()).isEqualTo(2160000);
        assertThat(ask(s, RequestType.CLUSTER_MASTER))
                .isEqualTo(new Answered(0, JSON.valueToTree("n1.example.com"), 0));
        assertThat(ask(s, RequestType.NODE_ROLE_BYNAME, "n1").answer().asInt())
                .as("no flags: regular")
                .isEqualTo(4);
        assertThat(ask(s, RequestType.NODE_ROLE_BYNAME, "n2").answer().asInt())
                .as("unnamed node found by key")
                .isEqualTo(4);
        assertThat(ask(s, RequestType.MC_PIP_LIST).answerJson()).isEqualTo("[]");
        assertThat(ask(s, RequestType.NODE_PIP_LIST).answerJson()).isEqualTo("[\"192.0.2.2\",\"192.0.2.1\"]");
        assertThat(ask(s, RequestType.INSTANCE_DISKS, "i1")).isEqualTo(new Answered(0, JSON.createArrayNode(), 0));
        assertThat(ask(s, RequestType.NODE_DRBD, "n1")).isEqualTo(new Answered(0, JSON.createArrayNode(), 0));
        assertThat(ask(s, RequestType.NODE_INSTANCES, "n1")
                        .answer()
                        .get(0)
                        .get(0)
                        .get("hvparams")
                        .toString())
                .isEqualTo("{}");
        assertThat(ask(s, RequestType.DATA_COLLECTORS)
                        .answer()
                        .get("inst-status-xen")
                        .toString())
                .isEqualTo("{\"active\":false,\"interval\":5000000}");
        assertThat(ask(s, RequestType.DATA_COLLECTORS).answer().get("lv").toString())
                .isEqualTo("{\"active\":true,\"interval\":5000000}");
        assertThat(s.cluster().defaultLink()).isNull();
        assertThat(s.nodes().get("n2").name()).isEqualTo("n2");
    }

    @Test
    void loadsAConfigWithoutAnyNodesOrInstances() throws ConfigException {
        ClusterSnapshot s = parse("{\"version\": 3000000, \"cluster\": {}}");

        assertThat(ask(s, RequestType.PING).answer().asLong()).isEqualTo(3000000);
        assertThat(ask(s, RequestType.NODE_PIP_LIST).answerJson()).isEqualTo("[]");
        assertThat(ask(s, RequestType.CLUSTER_MASTER).status()).isEqualTo(1);
    }

    @Test
    void loadsTheRecordedConformanceConfigs() throws ConfigException {
        for (String dir : ConformanceVectors.DIRECTORIES) {
            ClusterSnapshot s = new ConfigParser(JSON, false).parse(ConformanceVectors.read(dir, "config.data"));
            assertThat(s.cluster().version()).isEqualTo(3000000);
            assertThat(s.cluster().master()).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n", "\t"})
    void refusesAnEmptyFile(String config) {
        assertThat(loadError(config)).isEqualTo("empty file");
    }

    @Test
    void refusesInvalidJsonSayingWhere() {
        String message = loadError("{\"version\": 3000000,\n \"cluster\": {]\n}");

        assertThat(message).startsWith("invalid JSON: ").contains("at line 2 column 14");
    }

    @Test
    void refusesATruncatedFileInOneLine() {
        String config = ConfigLayouts.GANETI_3_0.config();

        String message = loadError(config.substring(0, config.length() / 2));

        assertThat(message).startsWith("invalid JSON: ").containsPattern("at line \\d+ column \\d+$");
        assertThat(message).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"version\": 3000000}]", "null", "\"config\"", "3000000", "true"})
    void refusesJsonThatIsNotAnObject(String config) {
        assertThat(loadError(config)).isEqualTo("not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"cluster\": {}}",
                "{\"version\": \"3000000\", \"cluster\": {}}",
                "{\"version\": null, \"cluster\": {}}",
                "{\"Version\": 3000000, \"cluster\": {}}"
            })
    void refusesAFileWithoutNumericVersion(String config) {
        assertThat(loadError(config)).isEqualTo("no numeric top-level 'version'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"version\": 3000000}",
                "{\"version\": 3000000, \"cluster\": []}",
                "{\"version\": 3000000, \"cluster\": null}",
                "{\"version\": 3000000, \"cluster\": \"c\"}"
            })
    void refusesAFileWithoutClusterObject(String config) {
        assertThat(loadError(config)).isEqualTo("no 'cluster' object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nodes", "instances", "disks", "nodegroups", "networks", "filters"})
    void refusesAMapMemberThatIsNotAnObject(String member) {
        assertThat(loadError("{\"version\": 3000000, \"cluster\": {}, \"" + member + "\": [{}]}"))
                .isEqualTo("'" + member + "' is not an object");
    }

    @Test
    void refusesANodeThatIsNotAnObject() {
        assertThat(loadError("{\"version\": 3000000, \"cluster\": {}, \"nodes\": {\"n1\": {}, \"n2\": \"node2\"}}"))
                .isEqualTo("node n2 is not an object");
    }

    @Test
    void refusesAnInstanceOrDiskThatIsNotAnObject() {
        assertThat(loadError("{\"version\": 3000000, \"cluster\": {}, \"instances\": {\"i1\": [1]}}"))
                .isEqualTo("instance i1 is not an object");
        assertThat(loadError("{\"version\": 3000000, \"cluster\": {}, \"disks\": {\"d1\": 5}}"))
                .isEqualTo("disk d1 is not an object");
    }

    @Test
    void refusesAnInstanceDiskThatIsNeitherUuidNorObject() {
        assertThat(
                        loadError(
                                "{\"version\": 3000000, \"cluster\": {}, \"instances\": {\"i1\": {\"name\": \"web\", \"disks\": [7]}}}"))
                .isEqualTo("instance web has a disk that is neither a UUID nor an object");
    }
}
