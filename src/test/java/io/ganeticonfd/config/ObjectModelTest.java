package io.ganeticonfd.config;

import static io.ganeticonfd.testing.Answered.ask;
import static io.ganeticonfd.testing.Answered.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.testing.Answered;

/**
 * Objects are served as Ganeti 3.0's typed model holds them: absent optional members with their
 * defaults, null members as absent, members Ganeti does not know dropped, in every answer type.
 * The expectations are what Ganeti 3.0.2's daemon answered for the same shapes (scripts/difftest-mutations.sh).
 */
class ObjectModelTest {

    /** A 2.12/2.13-style DRBD disk (children without ctime, mtime, nodes), nulls and unknown members at every level. */
    static final String CONFIG = """
            {"version": 3000000, "serial_no": 5, "zz_top": {"a": 1},
             "cluster": {"cluster_name": "c.example.com", "master_node": "n1", "serial_no": 42,
                         "volume_group_name": null, "zz_cluster": 1, "tags": null,
                         "nicparams": {"default": {"link": "br0", "mode": "bridged", "vlan": "", "zz": 1}},
                         "ndparams": {"ssh_port": 22, "zz": 2},
                         "ipolicy": {"std": {"memory-size": 128, "zz": 3}, "memory-ratio": 1.0},
                         "enabled_hypervisors": ["kvm"],
                         "data_collectors": {"lv": {"active": false, "interval": 6000000.0, "zz": true}}},
             "nodes": {"n1": {"name": "n1.example.com", "primary_ip": "192.0.2.1", "serial_no": 3, "zz_node": [1],
                              "ndparams": {"zz": 1}, "uuid": "n1"},
                       "n2": {"name": "n2.example.com", "primary_ip": "192.0.2.2", "serial_no": 4, "uuid": "n2",
                              "ctime": null, "tags": ["b", "a", "b"], "ndparams": {}}},
             "nodegroups": {"g1": {"name": "default", "uuid": "g1", "networks": {"net1": {"link": "br1", "zz": 1}},
                                   "zz_group": 1}},
             "networks": {"net1": {"name": "net1", "network": "198.51.100.0/24", "uuid": "net1", "gateway": null,
                                   "zz_net": 1}},
             "instances": {"i1": {"name": "web.example.com", "primary_node": "n1", "serial_no": 9, "uuid": "i1",
                                  "zz_instance": {"x": 1}, "disk_template": "drbd", "hvparams": null,
                                  "beparams": {"vcpus": 2, "memory": 128},
                                  "nics": [{"mac": "aa:00:00:00:00:01", "ip": null, "nicparams": {"zz": 1}, "zz_nic": 1},
                                           {"mac": "aa:00:00:00:00:02", "ip": "198.51.100.7", "nicparams": {}}],
                                  "disks": ["d1"]}},
             "disks": {"d1": {"dev_type": "drbd", "logical_id": ["n1", "n2", 11000, 0, 1, "secret"], "size": 1024,
                              "uuid": "d1", "serial_no": 1, "ctime": 1.5, "mtime": 2.5, "zz_disk": 1, "name": null,
                              "children": [{"dev_type": "plain", "logical_id": ["xenvg", "data"], "size": 1024,
                                            "uuid": "c1", "serial_no": 1, "zz_child": 1},
                                           {"dev_type": "plain", "logical_id": ["xenvg", "meta"], "size": 128,
                                            "uuid": "c2", "serial_no": 1, "mode": null, "iv_name": null}]}},
             "filters": {"f1": {"uuid": "f1", "priority": 0, "action": "ACCEPT", "watermark": 1, "reason_trail": [],
                                "predicates": [["jobid", ["=", "id", 1]]], "zz_filter": 1}}}
            """;

    final ClusterSnapshot snapshot = snapshot(CONFIG);

    Answered pointer(String pointer) {
        return ask(snapshot, RequestType.CONFIG_QUERY, pointer);
    }

    @Nested
    class AbsentMembers {

        @Test
        void diskChildrenWithoutTimestampsOrNodesServeGanetisDefaults() {
            assertThat(pointer("/disks/d1/children/0/ctime").answerJson()).isEqualTo("0");
            assertThat(pointer("/disks/d1/children/0/mtime").answerJson()).isEqualTo("0");
            assertThat(pointer("/disks/d1/children/0/nodes").answerJson()).isEqualTo("[]");
            JsonNode child = ask(snapshot, RequestType.INSTANCE_DISKS, "web")
                    .answer()
                    .get(0)
                    .get("children")
                    .get(0);
            assertThat(child.get("ctime").asInt()).isZero();
            assertThat(child.get("nodes").toString()).isEqualTo("[]");
            assertThat(child.get("iv_name").asText()).isEmpty();
            assertThat(child.get("mode").asText()).isEqualTo("rw");
        }

        @Test
        void timestampsAndTagsDefaultOnEveryObjectThatHasThem() {
            for (String p : new String[] {
                "/ctime",
                "/mtime",
                "/cluster/ctime",
                "/nodes/n1/mtime",
                "/nodegroups/g1/ctime",
                "/networks/net1/mtime",
                "/instances/i1/ctime",
                "/disks/d1/children/1/mtime"
            }) {
                assertThat(pointer(p).answerJson()).as(p).isEqualTo("0");
            }
            for (String p :
                    new String[] {"/cluster/tags", "/nodes/n1/tags", "/instances/i1/tags", "/networks/net1/tags"}) {
                assertThat(pointer(p).answerJson()).as(p).isEqualTo("[]");
            }
        }

        @Test
        void clusterStateMapsDefaultToEmptyWhileNodeOnesStayOut() {
            assertThat(pointer("/cluster/hv_state_static").answerJson()).isEqualTo("{}");
            assertThat(pointer("/cluster/disk_state_static").answerJson()).isEqualTo("{}");
            assertThat(pointer("/nodes/n1/hv_state_static").status()).isEqualTo(1);
        }

        @Test
        void instanceParameterMapsAndListsDefaultToEmpty() {
            JsonNode i1 = ask(snapshot, RequestType.NODE_INSTANCES, "n1")
                    .answer()
                    .get(0)
                    .get(0);
            assertThat(i1.get("hvparams").toString()).isEqualTo("{}");
            assertThat(i1.get("osparams").toString()).isEqualTo("{}");
            assertThat(i1.get("osparams_private").toString()).isEqualTo("{}");
            assertThat(i1.get("tags").toString()).isEqualTo("[]");
            assertThat(pointer("/nodegroups/g1/members").answerJson()).isEqualTo("[]");
        }

        @Test
        void optionalMembersWithoutDefaultStayAbsent() {
            assertThat(pointer("/disks/d1/params").status()).isEqualTo(1);
            assertThat(pointer("/disks/d1/spindles").status()).isEqualTo(1);
            assertThat(pointer("/instances/i1/network_port").status()).isEqualTo(1);
            assertThat(pointer("/cluster/drbd_usermode_helper").status()).isEqualTo(1);
        }
    }

    @Nested
    class NullMembers {

        @Test
        void aNullIsReadAsAbsent() {
            assertThat(pointer("/cluster/volume_group_name").status()).isEqualTo(1);
            assertThat(pointer("/networks/net1/gateway").status()).isEqualTo(1);
            assertThat(pointer("/disks/d1/name").status()).isEqualTo(1);
            assertThat(pointer("/instances/i1/nics/0").answer().has("ip")).isFalse();
            assertThat(pointer("/instances/i1/nics/1/ip").answerJson()).isEqualTo("\"198.51.100.7\"");
        }

        @Test
        void aNullDefaultedMemberServesItsDefault() {
            assertThat(pointer("/nodes/n2/ctime").answerJson()).isEqualTo("0");
            assertThat(pointer("/cluster/tags").answerJson()).isEqualTo("[]");
            assertThat(pointer("/instances/i1/hvparams").answerJson()).isEqualTo("{}");
            assertThat(pointer("/disks/d1/children/1/mode").answerJson()).isEqualTo("\"rw\"");
            assertThat(pointer("/disks/d1/children/1/iv_name").answerJson()).isEqualTo("\"\"");
        }
    }

    @Nested
    class UnknownMembers {

        @Test
        void areDroppedAtEveryLevelOfConfigQuery() {
            for (String p : new String[] {
                "/zz_top",
                "/cluster/zz_cluster",
                "/nodes/n1/zz_node",
                "/nodegroups/g1/zz_group",
                "/networks/net1/zz_net",
                "/instances/i1/zz_instance",
                "/instances/i1/disk_template",
                "/instances/i1/nics/0/zz_nic",
                "/disks/d1/zz_disk",
                "/disks/d1/children/0/zz_child",
                "/filters/f1/zz_filter",
                "/cluster/nicparams/default/zz",
                "/cluster/ndparams/zz",
                "/cluster/ipolicy/std/zz",
                "/cluster/ipolicy/memory-ratio",
                "/nodes/n1/ndparams/zz",
                "/instances/i1/nics/0/nicparams/zz",
                "/instances/i1/beparams/memory",
                "/nodegroups/g1/networks/net1/zz",
                "/cluster/data_collectors/lv/zz"
            }) {
                assertThat(pointer(p).status()).as(p).isEqualTo(1);
            }
            assertThat(pointer("/cluster/ndparams").answerJson()).isEqualTo("{\"ssh_port\":22}");
            assertThat(pointer("/nodegroups/g1/networks").answerJson()).isEqualTo("{\"net1\":{\"link\":\"br1\"}}");
        }

        @Test
        void areDroppedFromDataCollectors() {
            assertThat(ask(snapshot, RequestType.DATA_COLLECTORS)
                            .answer()
                            .get("lv")
                            .toString())
                    .isEqualTo("{\"active\":false,\"interval\":6000000}");
        }

        @Test
        void areDroppedFromNodeInstancesAndInstanceDisks() {
            String instances = ask(snapshot, RequestType.NODE_INSTANCES, "n1").answerJson();
            assertThat(instances)
                    .doesNotContain("zz_", "disk_template", "\"memory\"")
                    .contains("\"vcpus\":2");
            String disks = ask(snapshot, RequestType.INSTANCE_DISKS, "web").answerJson();
            assertThat(disks).doesNotContain("zz_").contains("\"secret\"");
            assertThat(pointer("/nodes/n1").answerJson()).doesNotContain("zz");
        }
    }

    @Test
    void instanceObjectsHoldOnlyWhatGanetisHaskellClientAccepts() {
        // mon-collector's own list of the instance members it accepts ("Superfluous dictionary keys")
        java.util.Set<String> accepted = java.util.Set.of(
                "admin_state",
                "admin_state_source",
                "beparams",
                "ctime",
                "disks",
                "disks_active",
                "hvparams",
                "hypervisor",
                "mtime",
                "name",
                "network_port",
                "nics",
                "os",
                "osparams",
                "osparams_private",
                "primary_node",
                "serial_no",
                "tags",
                "uuid");
        JsonNode i1 =
                ask(snapshot, RequestType.NODE_INSTANCES, "n1").answer().get(0).get(0);
        java.util.List<String> members = new java.util.ArrayList<>();
        i1.fieldNames().forEachRemaining(members::add);
        assertThat(accepted).containsAll(members);
        assertThat(members).contains("name", "nics", "disks", "tags", "ctime");
    }

    @Test
    void servesNumbersAndSetsAsGanetiWritesThem() {
        assertThat(pointer("/nodes/n2/tags").answerJson()).isEqualTo("[\"a\",\"b\"]");
        assertThat(pointer("/disks/d1/ctime").answerJson()).isEqualTo("1.5");
        assertThat(pointer("/filters/f1/predicates/0/1/0").answerJson()).isEqualTo("\"==\"");
    }
}
