package io.ganeticonfd.config;

import static io.ganeticonfd.testing.Answered.ask;
import static io.ganeticonfd.testing.Answered.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.testing.Answered;

/**
 * The re-serialization the daemon serves (PROTOCOL.md §7) through the object models, observed through
 * {@link ClusterSnapshot#document()} and the answers of CONFIG_QUERY, NODE_INSTANCES and
 * INSTANCE_DISKS: defaults, tag sets, numbers, filter operators, and optional redaction.
 */
class ServedObjectsTest {

    static final String CONFIG = """
            {
              "version": 3000000,
              "serial_no": 7,
              "cluster": {
                "cluster_name": "c.example.com", "master_node": "n1", "serial_no": 42, "tags": ["zeta", "alpha", "zeta", "Beta"],
                "nicparams": {"default": {"link": "br0", "mode": "bridged", "vlan": ""}},
                "enabled_hypervisors": ["kvm"],
                "ctime": 1524895381.06173, "mtime": 1600000000.0,
                "data_collectors": {"cpu-avg-load": {"active": true, "interval": 5000000.0},
                                    "lv": {"active": true, "interval": 1.5}},
                "hvparams": {"kvm": {"reason_ns": 1600000000000000001, "huge": 123456789012345678901234567890,
                                     "negative_zero": -0.0, "exponent": 1e3}},
                "osparams_private_cluster": {"debian-image": {"root_password": "cluster-secret"}, "flat": "top-secret"},
                "osparams": {"debian-image": {"mirror": "http://deb.example.com"}}
              },
              "nodes": {
                "n1": {"name": "n1.example.com", "primary_ip": "192.0.2.1", "master_candidate": true, "serial_no": 3,
                       "tags": ["b", "a", "b"], "hv_state_static": {}, "disk_state_static": {},
                       "ndparams": {"cpu_speed": 1.0, "spindle_count": 1}},
                "n2": {"name": "n2.example.com", "primary_ip": "192.0.2.2", "serial_no": 4,
                       "hv_state_static": {"kvm": {"mem_total": 1024}}, "disk_state_static": {"lvm": {}},
                       "ndparams": {"cpu_speed": 0.25}}
              },
              "nodegroups": {
                "g1": {"name": "default", "uuid": "g1", "tags": ["y", "x", "x"]},
                "g2": {"name": "empty", "uuid": "g2", "members": ["n1"], "ctime": 1.5, "mtime": 2.0}
              },
              "networks": {
                "net1": {"name": "net1", "network": "198.51.100.0/24", "uuid": "net1"}
              },
              "instances": {
                "i1": {"name": "web.example.com", "primary_node": "n1", "serial_no": 9, "tags": ["web", "prod", "web"],
                       "osparams": {"mirror": "http://deb.example.com"},
                       "osparams_private": {"root_password": "hunter2", "nested": {"token": "t0k3n"}, "count": 3},
                       "nics": [{"ip": "198.51.100.5", "nicparams": {}}],
                       "disks": ["d1"]},
                "i2": {"name": "legacy.example.com", "primary_node": "n2", "serial_no": 1, "hvparams": null,
                       "disks": [{"dev_type": "drbd8", "logical_id": ["n2", "n1", 11001, 4, 5, "inline-secret"], "size": 64,
                                  "children": [{"dev_type": "lvm", "logical_id": ["xenvg", "a"], "size": 64}]}]}
              },
              "disks": {
                "d1": {"dev_type": "drbd", "logical_id": ["n1", "n2", 11000, 0, 1, "drbd-secret"], "iv_name": "disk/0",
                       "size": 1024, "mode": "rw", "uuid": "d1", "tags": ["t2", "t1"],
                       "children": [{"dev_type": "plain", "logical_id": ["xenvg", "data"], "size": 1024, "uuid": "c1"},
                                    {"dev_type": "drbd", "logical_id": ["n1", "n2", 11002, 2, 3, "nested-secret"], "size": 1,
                                     "uuid": "c2", "iv_name": "inner"}]}
              },
              "filters": {
                "f1": {"uuid": "f1", "priority": 0, "action": "REJECT",
                       "predicates": [["opcode", ["=", "OP_ID", "OP_INSTANCE_CREATE"]],
                                      ["jobid", ["and", ["=", "id", 1], ["or", ["=", "a", "="], ["not", ["=", "c", "d"]]],
                                                 ["<", "id", 5], ["!=", "x", "y"]]],
                                      ["reason", ["==", "source", "gnt:user"]]],
                       "reason_trail": [["gnt:user", "maintenance", 1600000000000000001]]}
              }
            }
            """;

    final ClusterSnapshot snapshot = snapshot(CONFIG);
    final JsonNode doc = snapshot.document().toTree();

    static Answered pointer(ClusterSnapshot s, String pointer) {
        return ask(s, RequestType.CONFIG_QUERY, pointer);
    }

    @Test
    void sortsAndDeduplicatesEveryTagSet() {
        assertThat(doc.at("/cluster/tags").toString()).isEqualTo("[\"Beta\",\"alpha\",\"zeta\"]");
        assertThat(doc.at("/nodes/n1/tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(doc.at("/nodegroups/g1/tags").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(doc.at("/instances/i1/tags").toString()).isEqualTo("[\"prod\",\"web\"]");
        assertThat(doc.at("/disks/d1").has("tags"))
                .as("disks have no tags in Ganeti")
                .isFalse();
        assertThat(pointer(snapshot, "/instances/i1/tags").answerJson()).isEqualTo("[\"prod\",\"web\"]");
    }

    @Test
    void writesWholeFloatsAsIntegers() {
        assertThat(pointer(snapshot, "/cluster/data_collectors/cpu-avg-load/interval")
                        .answerJson())
                .isEqualTo("5000000");
        assertThat(pointer(snapshot, "/nodes/n1/ndparams/cpu_speed").answerJson())
                .isEqualTo("1");
        assertThat(pointer(snapshot, "/cluster/mtime").answerJson()).isEqualTo("1600000000");
        assertThat(pointer(snapshot, "/cluster/hvparams/kvm/negative_zero").answerJson())
                .isEqualTo("0");
        assertThat(pointer(snapshot, "/cluster/hvparams/kvm/exponent").answerJson())
                .isEqualTo("1000");
        assertThat(pointer(snapshot, "/nodegroups/g2/mtime").answerJson()).isEqualTo("2");
        assertThat(ask(snapshot, RequestType.DATA_COLLECTORS)
                        .answer()
                        .get("cpu-avg-load")
                        .toString())
                .isEqualTo("{\"active\":true,\"interval\":5000000}");
    }

    @Test
    void keepsFractionsAndBigIntegersExactly() {
        assertThat(pointer(snapshot, "/cluster/data_collectors/lv/interval").answerJson())
                .isEqualTo("1.5");
        assertThat(pointer(snapshot, "/nodes/n2/ndparams/cpu_speed").answerJson())
                .isEqualTo("0.25");
        assertThat(pointer(snapshot, "/cluster/ctime").answerJson())
                .as("through Ganeti's picosecond time type, as its daemon serves it (PROTOCOL.md §7)")
                .isEqualTo("1524895381.0617297");
        assertThat(pointer(snapshot, "/cluster/hvparams/kvm/reason_ns").answerJson())
                .isEqualTo("1600000000000000001");
        assertThat(pointer(snapshot, "/cluster/hvparams/kvm/huge").answerJson())
                .isEqualTo("123456789012345678901234567890");
        assertThat(pointer(snapshot, "/filters/f1/reason_trail/0/2").answerJson())
                .isEqualTo("1600000000000000001");
        assertThat(pointer(snapshot, "/nodegroups/g2/ctime").answerJson()).isEqualTo("1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5e300", "1e296", "1e400", "1E+305", "123456789012345678901234567890e290"})
    void servesTimestampsTooLargeForPicosecondsAsWritten(String ctime) {
        // found by fuzzing: 1.5e300 s is a double, but not once multiplied into picoseconds
        ClusterSnapshot huge = snapshot(CONFIG.replace("\"ctime\": 1524895381.06173", "\"ctime\": " + ctime));

        assertThat(new BigDecimal(pointer(huge, "/cluster/ctime").answerJson())).isEqualByComparingTo(ctime);
    }

    @Test
    void fillsNodeGroupAndNetworkDefaults() {
        assertThat(doc.at("/nodegroups/g1/members").toString()).isEqualTo("[]");
        assertThat(doc.at("/nodegroups/g1/ctime").toString()).isEqualTo("0");
        assertThat(doc.at("/nodegroups/g1/mtime").toString()).isEqualTo("0");
        assertThat(doc.at("/nodegroups/g2/members").toString()).isEqualTo("[\"n1\"]");
        assertThat(doc.at("/networks/net1/ctime").toString()).isEqualTo("0");
        assertThat(doc.at("/networks/net1/mtime").toString()).isEqualTo("0");
        assertThat(doc.at("/networks/net1/tags").toString()).isEqualTo("[]");
    }

    @Test
    void fillsInstanceDefaults() {
        JsonNode i2 = ask(snapshot, RequestType.NODE_INSTANCES, "n2.example.com")
                .answer()
                .get(0)
                .get(0);

        assertThat(i2.get("name").asText()).isEqualTo("legacy.example.com");
        assertThat(i2.get("hvparams").toString()).as("null becomes {}").isEqualTo("{}");
        assertThat(i2.get("beparams").toString()).isEqualTo("{}");
        assertThat(i2.get("osparams").toString()).isEqualTo("{}");
        assertThat(i2.get("osparams_private").toString()).isEqualTo("{}");
        assertThat(i2.get("tags").toString()).isEqualTo("[]");
        assertThat(doc.at("/instances/i1/osparams").toString()).isEqualTo("{\"mirror\":\"http://deb.example.com\"}");
    }

    @Test
    void fillsDiskAndDiskChildDefaults() {
        Answered disks = ask(snapshot, RequestType.INSTANCE_DISKS, "web");

        JsonNode plainChild = disks.answer().get(0).get("children").get(0);
        assertThat(plainChild.get("iv_name").asText()).isEmpty();
        assertThat(plainChild.get("children").toString()).isEqualTo("[]");
        assertThat(disks.answer().get(0).get("children").get(1).get("iv_name").asText())
                .isEqualTo("inner");
        JsonNode inline =
                ask(snapshot, RequestType.INSTANCE_DISKS, "legacy").answer().get(0);
        assertThat(inline.get("iv_name").asText()).isEmpty();
        assertThat(inline.get("children").get(0).get("children").toString()).isEqualTo("[]");
    }

    @Test
    void dropsEmptyStaticNodeStateButKeepsFilledOnes() {
        assertThat(doc.at("/nodes/n1").has("hv_state_static")).isFalse();
        assertThat(doc.at("/nodes/n1").has("disk_state_static")).isFalse();
        assertThat(doc.at("/nodes/n2/hv_state_static").toString()).isEqualTo("{\"kvm\":{\"mem_total\":1024}}");
        assertThat(doc.at("/nodes/n2/disk_state_static").toString()).isEqualTo("{\"lvm\":{}}");
        assertThat(pointer(snapshot, "/nodes/n1/hv_state_static").answerJson()).isEqualTo("2");
    }

    @Test
    void spellsFilterEqualityAsDoubleEqualsAtEveryDepth() {
        assertThat(doc.at("/filters/f1/predicates/0").toString())
                .isEqualTo("[\"opcode\",[\"==\",\"OP_ID\",\"OP_INSTANCE_CREATE\"]]");
        assertThat(doc.at("/filters/f1/predicates/1/1").toString())
                .isEqualTo(
                        "[\"and\",[\"==\",\"id\",1],[\"or\",[\"==\",\"a\",\"=\"],[\"not\",[\"==\",\"c\",\"d\"]]],[\"<\",\"id\",5],[\"!=\",\"x\",\"y\"]]");
        assertThat(doc.at("/filters/f1/predicates/2").toString())
                .isEqualTo("[\"reason\",[\"==\",\"source\",\"gnt:user\"]]");
    }

    @Nested
    class WithoutRedaction {

        @Test
        void servesPrivateValuesVerbatim() {
            assertThat(pointer(snapshot, "/instances/i1/osparams_private").answerJson())
                    .isEqualTo("{\"root_password\":\"hunter2\",\"nested\":{\"token\":\"t0k3n\"},\"count\":3}");
            assertThat(pointer(snapshot, "/cluster/osparams_private_cluster").answerJson())
                    .isEqualTo("{\"debian-image\":{\"root_password\":\"cluster-secret\"},\"flat\":\"top-secret\"}");
            assertThat(pointer(snapshot, "/disks/d1/logical_id/5").answerJson()).isEqualTo("\"drbd-secret\"");
            assertThat(ask(snapshot, RequestType.NODE_INSTANCES, "n1").answerJson())
                    .contains("\"root_password\":\"hunter2\"");
            assertThat(ask(snapshot, RequestType.INSTANCE_DISKS, "legacy").answerJson())
                    .contains("\"inline-secret\"");
            assertThat(ask(snapshot, RequestType.INSTANCE_DISKS, "web").answerJson())
                    .contains("\"drbd-secret\"", "\"nested-secret\"");
        }
    }

    @Nested
    class WithRedaction {

        final ClusterSnapshot redacted = snapshot(CONFIG, true);

        @Test
        void redactsInstancePrivateOsParametersAtEveryDepth() {
            assertThat(pointer(redacted, "/instances/i1/osparams_private").answerJson())
                    .isEqualTo(
                            "{\"root_password\":\"<redacted>\",\"nested\":{\"token\":\"<redacted>\"},\"count\":\"<redacted>\"}");
            JsonNode i1 = ask(redacted, RequestType.NODE_INSTANCES, "n1.example.com")
                    .answer()
                    .get(0)
                    .get(0);
            assertThat(i1.get("osparams_private").get("root_password").asText()).isEqualTo("<redacted>");
            assertThat(i1.get("osparams").get("mirror").asText())
                    .as("public parameters stay")
                    .isEqualTo("http://deb.example.com");
            assertThat(ask(redacted, RequestType.NODE_INSTANCES, "n1").answerJson())
                    .doesNotContain("hunter2", "t0k3n");
        }

        @Test
        void redactsClusterPrivateOsParameters() {
            assertThat(pointer(redacted, "/cluster/osparams_private_cluster").answerJson())
                    .isEqualTo("{\"debian-image\":{\"root_password\":\"<redacted>\"},\"flat\":\"<redacted>\"}");
            assertThat(pointer(redacted, "/cluster/osparams").answerJson())
                    .isEqualTo("{\"debian-image\":{\"mirror\":\"http://deb.example.com\"}}");
        }

        @Test
        void redactsDrbdSecretsInTopLevelInlineAndNestedDisks() {
            assertThat(pointer(redacted, "/disks/d1/logical_id").answerJson())
                    .isEqualTo("[\"n1\",\"n2\",11000,0,1,\"<redacted>\"]");
            assertThat(pointer(redacted, "/disks/d1/children/1/logical_id/5").answerJson())
                    .isEqualTo("\"<redacted>\"");
            assertThat(ask(redacted, RequestType.INSTANCE_DISKS, "web").answerJson())
                    .doesNotContain("drbd-secret", "nested-secret");
            assertThat(ask(redacted, RequestType.INSTANCE_DISKS, "legacy")
                            .answer()
                            .get(0)
                            .get("logical_id")
                            .toString())
                    .isEqualTo("[\"n2\",\"n1\",11001,4,5,\"<redacted>\"]");
            assertThat(pointer(redacted, "/instances/i2/disks/0/logical_id/5").answerJson())
                    .isEqualTo("\"<redacted>\"");
            assertThat(pointer(redacted, "/disks/d1/children/0/logical_id").answerJson())
                    .as("plain disks untouched")
                    .isEqualTo("[\"xenvg\",\"data\"]");
        }

        @Test
        void keepsDrbdMinorsAndPeersIntact() {
            assertThat(ask(redacted, RequestType.NODE_DRBD, "n2").answerJson())
                    .isEqualTo(ask(snapshot, RequestType.NODE_DRBD, "n2").answerJson())
                    .contains("[\"n2.example.com\",1,\"web.example.com\",\"disk/0\",\"secondary\",\"n1.example.com\"]");
        }
    }
}
