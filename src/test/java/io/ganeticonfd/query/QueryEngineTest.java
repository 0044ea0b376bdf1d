package io.ganeticonfd.query;

import static io.ganeticonfd.testing.Answered.ask;
import static io.ganeticonfd.testing.Answered.body;
import static io.ganeticonfd.testing.Answered.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.NodeRole;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.testing.Answered;

/**
 * Answers for configurations the recorded vectors do not contain: dangling references, missing
 * defaults, ambiguous names, unusual IP layouts; and the answers prepared per snapshot.
 */
class QueryEngineTest {

    /**
     * Nodes n1 (master) .. n4; web.example.com/web.example.org collide on "web"; IPv6 NICs; 10.0.0.7
     * on two links; 10.0.0.9 twice on br0 (instances i3 and i4, i4 sorts last); i5 names a disk
     * missing from the disk map; i6's primary node does not exist.
     */
    static final String CONFIG = """
            {
              "version": 3000000,
              "cluster": {"cluster_name": "c.example.com", "master_node": "u-n1", "master_ip": "192.0.2.100", "serial_no": 77,
                          "enabled_hypervisors": ["kvm"],
                          "nicparams": {"default": {"link": "br0", "mode": "bridged", "vlan": ""}},
                          "data_collectors": {"inst-status-xen": {"active": true, "interval": 1000000},
                                              "xen-cpu-avg-load": {"active": true, "interval": 2000000}}},
              "nodes": {
                "u-n1": {"name": "n1.example.com", "primary_ip": "192.0.2.1", "master_candidate": true, "serial_no": 11},
                "u-n2": {"name": "n2.example.com", "primary_ip": "192.0.2.2", "master_candidate": true, "serial_no": 12},
                "u-n3": {"name": "web.example.com", "primary_ip": "192.0.2.3", "serial_no": 13},
                "u-n4": {"name": "web.example.org", "primary_ip": "192.0.2.4", "serial_no": 14}
              },
              "instances": {
                "u-i1": {"name": "web.example.com", "primary_node": "u-n1", "serial_no": 21,
                         "nics": [{"ip": "2001:db8::5", "nicparams": {}}, {"ip": "10.0.0.7", "nicparams": {"link": "br1"}},
                                  {"nicparams": {"link": "br1"}}]},
                "u-i2": {"name": "web.example.org", "primary_node": "u-n2", "serial_no": 22,
                         "nics": [{"ip": "10.0.0.7", "nicparams": {"link": "br2"}}, {"ip": "fe80::1", "nicparams": {}}]},
                "u-i3": {"name": "db1.example.com", "primary_node": "u-n1", "serial_no": 23,
                         "nics": [{"ip": "10.0.0.9", "nicparams": {}}]},
                "u-i4": {"name": "db2.example.com", "primary_node": "u-n2", "serial_no": 24,
                         "nics": [{"ip": "10.0.0.9", "nicparams": {"link": "br0"}}]},
                "u-i5": {"name": "broken.example.com", "primary_node": "u-n2", "serial_no": 25,
                         "disks": ["u-d1", "u-missing"]},
                "u-i6": {"name": "orphan.example.com", "primary_node": "u-gone", "serial_no": 26,
                         "nics": [{"ip": "10.0.0.66", "nicparams": {}}]}
              },
              "disks": {
                "u-d1": {"dev_type": "drbd", "logical_id": ["u-n2", "u-n1", 11000, 3, 4, "secret"], "size": 10, "uuid": "u-d1"}
              }
            }
            """;

    final ClusterSnapshot s = snapshot(CONFIG);

    static void assertError(Answered a) {
        assertThat(a.status()).isEqualTo(1);
        assertThat(a.serial()).isZero();
    }

    @Nested
    class UnknownMasterNode {

        final ClusterSnapshot noMaster =
                snapshot(CONFIG.replace("\"master_node\": \"u-n1\"", "\"master_node\": \"u-gone\""));

        @Test
        void failsEveryRoleQuery() {
            for (String node : List.of("n1.example.com", "n2.example.com", "u-n2", "n2")) {
                Answered role = ask(noMaster, RequestType.NODE_ROLE_BYNAME, node);
                assertError(role);
                assertThat(role.answer().asText()).contains("u-gone");
            }
        }

        @Test
        void failsEveryMasterQuery() {
            assertError(ask(noMaster, RequestType.CLUSTER_MASTER));
            assertError(ask(noMaster, RequestType.CLUSTER_MASTER, Answered.fields(MasterField.MASTER_IP)));
            assertError(ask(noMaster, RequestType.CLUSTER_MASTER, Answered.fields()));
            assertThat(ask(noMaster, RequestType.CLUSTER_MASTER, "x").answer().asInt())
                    .isEqualTo(2);
        }

        @Test
        void stillAnswersQueriesThatDoNotNeedTheMaster() {
            assertThat(ask(noMaster, RequestType.PING).status()).isZero();
            assertThat(ask(noMaster, RequestType.NODE_PIP_LIST).answerJson())
                    .isEqualTo("[\"192.0.2.4\",\"192.0.2.3\",\"192.0.2.2\",\"192.0.2.1\"]");
            assertThat(ask(noMaster, RequestType.NODE_DRBD, "n1").status()).isZero();
        }
    }

    @Nested
    class NoDefaultNicParameters {

        final ClusterSnapshot noDefault = snapshot(CONFIG.replace(
                "\"nicparams\": {\"default\": {\"link\": \"br0\", \"mode\": \"bridged\", \"vlan\": \"\"}},", ""));

        @Test
        void answersIpToNodeQueriesWithAnErrorInsteadOfCrashing() {
            assertError(ask(noDefault, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip(null, "10.0.0.9")));
            assertError(ask(
                    noDefault,
                    RequestType.NODE_PIP_BY_INSTANCE_IP,
                    new QueryArgument.Dict(null, null, List.of("10.0.0.9"), List.of())));
            assertError(ask(noDefault, RequestType.NODE_PIP_BY_INSTANCE_IP, QueryArgument.Dict.EMPTY));
        }

        @Test
        void answersTheDefaultLinkIpListWithAnError() {
            assertError(ask(noDefault, RequestType.INSTANCES_IPS_LIST));
        }

        @Test
        void stillAnswersForAnExplicitLink() {
            assertThat(ask(noDefault, RequestType.INSTANCES_IPS_LIST, "br1"))
                    .isEqualTo(new Answered(
                            0, Answered.of(ReplyBody.ok("[\"10.0.0.7\"]", 0)).answer(), 77));
            assertThat(ask(noDefault, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip("br2", "10.0.0.7"))
                            .answer()
                            .asText())
                    .isEqualTo("192.0.2.2");
        }

        @Test
        void skipsNicsWithoutOwnLinkWhenThereIsNoDefault() {
            assertThat(ask(noDefault, RequestType.INSTANCES_IPS_LIST, "").answerJson())
                    .isEqualTo("[]");
            assertThat(ask(noDefault, RequestType.INSTANCES_IPS_LIST, "br0").answerJson())
                    .isEqualTo("[\"10.0.0.9\"]");
        }
    }

    @Nested
    class AmbiguousShortNames {

        @ParameterizedTest
        @EnumSource(
                value = RequestType.class,
                names = {"NODE_ROLE_BYNAME", "NODE_DRBD", "NODE_INSTANCES"})
        void failsNodeQueries(RequestType type) {
            Answered a = ask(s, type, "web");

            assertError(a);
            assertThat(a.answer().asText()).contains("web").contains("multiple matches");
        }

        @Test
        void failsInstanceQueries() {
            Answered a = ask(s, RequestType.INSTANCE_DISKS, "web");

            assertError(a);
            assertThat(a.answer().asText()).contains("multiple matches");
        }

        @Test
        void answersTheFullNamesAndTheUniqueLongerPrefix() {
            assertThat(ask(s, RequestType.NODE_ROLE_BYNAME, "web.example.org")
                            .answer()
                            .asInt())
                    .isEqualTo(4);
            assertThat(ask(s, RequestType.INSTANCE_DISKS, "web.example.org").serial())
                    .isEqualTo(22);
            assertThat(ask(s, RequestType.INSTANCE_DISKS, "db1").serial()).isEqualTo(23);
        }

        @Test
        void reportsUnknownNamesAsErrors() {
            for (RequestType type : List.of(
                    RequestType.NODE_ROLE_BYNAME,
                    RequestType.NODE_DRBD,
                    RequestType.NODE_INSTANCES,
                    RequestType.INSTANCE_DISKS)) {
                Answered a = ask(s, type, "nosuch");
                assertError(a);
                assertThat(a.answer().asText())
                        .as("%s", type)
                        .contains("nosuch")
                        .contains("not found");
            }
        }
    }

    @Test
    void failsInstanceDisksWhenADiskIsMissingFromTheDiskMap() {
        Answered a = ask(s, RequestType.INSTANCE_DISKS, "broken.example.com");

        assertError(a);
        assertThat(a.answer().isTextual()).isTrue();
    }

    @Test
    void stillAnswersDrbdAndInstancesOfTheNodesOfAnInstanceWithAMissingDisk() {
        assertThat(ask(s, RequestType.NODE_DRBD, "n2.example.com").answerJson())
                .isEqualTo("[[\"n2.example.com\",3,\"broken.example.com\",\"disk/0\",\"primary\",\"n1.example.com\"]]");
        Answered n1 = ask(s, RequestType.NODE_INSTANCES, "n1.example.com");
        assertThat(n1.answer().get(1).findValuesAsText("name")).containsExactly("broken.example.com");
        assertThat(n1.serial()).isEqualTo(11);
    }

    @Nested
    class InstanceIps {

        @Test
        void findsTheNodeOfAnIpv6Address() {
            assertThat(ask(s, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip(null, "2001:db8::5")))
                    .isEqualTo(new Answered(
                            0, Answered.of(ReplyBody.ok("\"192.0.2.1\"", 0)).answer(), 77));
        }

        @Test
        void listsIpv6AddressesSortedAsStrings() {
            assertThat(ask(s, RequestType.INSTANCES_IPS_LIST).answerJson())
                    .isEqualTo("[\"10.0.0.66\",\"10.0.0.9\",\"2001:db8::5\",\"fe80::1\"]");
        }

        @Test
        void keepsTheSameIpOnTwoLinksApart() {
            assertThat(ask(s, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip("br1", "10.0.0.7"))
                            .answer()
                            .asText())
                    .isEqualTo("192.0.2.1");
            assertThat(ask(s, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip("br2", "10.0.0.7"))
                            .answer()
                            .asText())
                    .isEqualTo("192.0.2.2");
            assertThat(ask(s, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip(null, "10.0.0.7")))
                    .isEqualTo(new Answered(1, Answered.of(ReplyBody.ok("0", 0)).answer(), 0));
            assertThat(ask(s, RequestType.INSTANCES_IPS_LIST, "br1").answerJson())
                    .isEqualTo("[\"10.0.0.7\"]");
            assertThat(ask(s, RequestType.INSTANCES_IPS_LIST, "br2").answerJson())
                    .isEqualTo("[\"10.0.0.7\"]");
        }

        @Test
        void givesAnIpUsedTwiceOnOneLinkToTheInstanceWithTheLaterUuid() {
            assertThat(ask(s, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip("br0", "10.0.0.9"))
                            .answer()
                            .asText())
                    .as("u-i4 on n2 wins over u-i3 on n1")
                    .isEqualTo("192.0.2.2");
            assertThat(ask(s, RequestType.INSTANCES_IPS_LIST, "br0").answer()).hasSize(4);
        }

        @Test
        void answersEachIpOfAListInQueryOrder() {
            Answered a = ask(
                    s,
                    RequestType.NODE_PIP_BY_INSTANCE_IP,
                    new QueryArgument.Dict(
                            "br0",
                            null,
                            List.of("fe80::1", "10.0.0.66", "10.0.0.1", "2001:db8::5", "fe80::1"),
                            List.of()));

            assertThat(a.answerJson())
                    .isEqualTo("[[0,\"192.0.2.2\",77],[1,0,0],[1,0,0],[0,\"192.0.2.1\",77],[0,\"192.0.2.2\",77]]");
            assertThat(a.serial()).isEqualTo(77);
        }

        @Test
        void prefersTheSingleIpOverTheList() {
            Answered a = ask(
                    s,
                    RequestType.NODE_PIP_BY_INSTANCE_IP,
                    new QueryArgument.Dict(null, "fe80::1", List.of("2001:db8::5"), List.of()));

            assertThat(a.answer().asText()).isEqualTo("192.0.2.2");
        }

        @Test
        void treatsAnInstanceOnAnUnknownNodeAsUnknownEntry() {
            assertThat(ask(s, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip(null, "10.0.0.66")))
                    .isEqualTo(new Answered(1, Answered.of(ReplyBody.ok("0", 0)).answer(), 0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"br9", "", "BR0", "br0 "})
        void answersAnEmptyListForAnUnknownLink(String link) {
            assertThat(ask(s, RequestType.INSTANCES_IPS_LIST, link))
                    .isEqualTo(
                            new Answered(0, Answered.of(ReplyBody.ok("[]", 0)).answer(), 77));
        }

        @Test
        void answersUnknownEntryForAnIpOnAnUnknownLink() {
            assertThat(ask(s, RequestType.NODE_PIP_BY_INSTANCE_IP, Answered.ip("br9", "10.0.0.9"))
                            .answerJson())
                    .isEqualTo("0");
        }
    }

    @Nested
    class DataCollectors {

        @Test
        void keepsInstStatusXenInactiveWithoutXen() {
            Answered a = ask(s, RequestType.DATA_COLLECTORS);

            assertThat(a.answer().get("inst-status-xen").toString())
                    .isEqualTo("{\"active\":false,\"interval\":1000000}");
            assertThat(a.answer().get("xen-cpu-avg-load").toString())
                    .as("no such rule for the other xen collector")
                    .isEqualTo("{\"active\":true,\"interval\":2000000}");
            assertThat(a.serial()).isEqualTo(77);
        }

        @ParameterizedTest
        @ValueSource(strings = {"xen-pvm", "xen-hvm"})
        void activatesInstStatusXenWithAXenHypervisor(String hypervisor) {
            ClusterSnapshot xen = snapshot(CONFIG.replace(
                    "\"enabled_hypervisors\": [\"kvm\"]",
                    "\"enabled_hypervisors\": [\"kvm\", \"" + hypervisor + "\"]"));

            assertThat(ask(xen, RequestType.DATA_COLLECTORS)
                            .answer()
                            .get("inst-status-xen")
                            .toString())
                    .isEqualTo("{\"active\":true,\"interval\":1000000}");
        }

        @Test
        void answersExactlyTheSixBuiltInCollectors() {
            assertThat(ask(s, RequestType.DATA_COLLECTORS).answer().fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder(
                            "cpu-avg-load", "xen-cpu-avg-load", "diskstats", "drbd", "inst-status-xen", "lv");
        }
    }

    @Test
    void answersAQueryWithAnUnpairedSurrogateWithAnError() {
        Answered a = ask(s, RequestType.NODE_ROLE_BYNAME, "n\ud800");

        assertError(a);
        assertThat(a.answer().asText()).isEqualTo("Node name n? not found");
    }

    @Nested
    class Memoization {

        @ParameterizedTest
        @EnumSource(
                value = RequestType.class,
                names = {
                    "PING",
                    "NODE_PIP_LIST",
                    "MC_PIP_LIST",
                    "DATA_COLLECTORS",
                    "CLUSTER_MASTER",
                    "INSTANCES_IPS_LIST"
                })
        void returnsTheSameBodyForAnswersThatIgnoreTheArgument(RequestType type) {
            ReplyBody first = body(s, type, QueryArgument.None.INSTANCE);

            assertThat(body(s, type, QueryArgument.None.INSTANCE)).isSameAs(first);
            assertThat(first.status().code()).isZero();
        }

        @Test
        void returnsTheSameBodyForRepeatedLookups() {
            assertThat(body(s, RequestType.NODE_ROLE_BYNAME, new QueryArgument.Plain("n2.example.com")))
                    .isSameAs(body(s, RequestType.NODE_ROLE_BYNAME, new QueryArgument.Plain("u-n2")));
            assertThat(body(s, RequestType.NODE_DRBD, new QueryArgument.Plain("n2")))
                    .isSameAs(body(s, RequestType.NODE_DRBD, new QueryArgument.Plain("n2.example.com")));
            assertThat(body(s, RequestType.NODE_INSTANCES, new QueryArgument.Plain("u-n1")))
                    .isSameAs(body(s, RequestType.NODE_INSTANCES, new QueryArgument.Plain("n1")));
            assertThat(body(s, RequestType.INSTANCE_DISKS, new QueryArgument.Plain("db1")))
                    .isSameAs(body(s, RequestType.INSTANCE_DISKS, new QueryArgument.Plain("u-i3")));
            assertThat(body(s, RequestType.CONFIG_QUERY, new QueryArgument.Plain("/cluster/master_ip")))
                    .isSameAs(body(s, RequestType.CONFIG_QUERY, new QueryArgument.Plain("/cluster/master_ip")));
            assertThat(body(s, RequestType.INSTANCES_IPS_LIST, new QueryArgument.Plain("br1")))
                    .isSameAs(body(s, RequestType.INSTANCES_IPS_LIST, new QueryArgument.Plain("br1")));
        }

        @Test
        void keepsMemoizedAnswersPerSnapshot() {
            ClusterSnapshot other = snapshot(CONFIG.replace("\"serial_no\": 77", "\"serial_no\": 78"));

            ReplyBody mine = body(s, RequestType.NODE_PIP_LIST, QueryArgument.None.INSTANCE);
            ReplyBody theirs = body(other, RequestType.NODE_PIP_LIST, QueryArgument.None.INSTANCE);

            assertThat(theirs).isNotSameAs(mine);
            assertThat(mine.serial()).isEqualTo(77);
            assertThat(theirs.serial()).isEqualTo(78);
        }

        @Test
        void preparesTheConstantAnswersAheadOfTheFirstRequest() {
            PreparedAnswers prepared = new QueryEngine().prepare(snapshot(CONFIG));

            assertThat(List.of(
                            prepared.ping,
                            prepared.masterName,
                            prepared.nodePips,
                            prepared.candidatePips,
                            prepared.dataCollectors,
                            prepared.noInstanceIps))
                    .doesNotContainNull();
            assertThat(prepared.roles).hasSize(NodeRole.values().length);
            assertThat(prepared.ipsByLink).containsOnlyKeys("br0");
            assertThat(answer(prepared, RequestType.PING, QueryArgument.None.INSTANCE))
                    .isSameAs(prepared.ping);
            assertThat(answer(prepared, RequestType.NODE_PIP_LIST, QueryArgument.None.INSTANCE))
                    .isSameAs(prepared.nodePips);
            assertThat(answer(prepared, RequestType.DATA_COLLECTORS, QueryArgument.None.INSTANCE))
                    .isSameAs(prepared.dataCollectors);
            assertThat(answer(prepared, RequestType.NODE_ROLE_BYNAME, new QueryArgument.Plain("n2.example.com")))
                    .isIn(prepared.roles.values());
            assertThat(prepared.ping.text()).isEqualTo("{\"protocol\":1,\"status\":0,\"answer\":3000000,\"serial\":0}");
        }

        @Test
        void preparesAConfigWithoutMasterOrDefaultLink() {
            ClusterSnapshot bare = snapshot("{\"version\": 1, \"cluster\": {\"master_node\": \"nobody\"}}");

            PreparedAnswers prepared = new QueryEngine().prepare(bare);

            assertThat(prepared.masterName).isNull();
            assertThat(Answered.of(answer(prepared, RequestType.CLUSTER_MASTER, QueryArgument.None.INSTANCE))
                            .status())
                    .isEqualTo(1);
            assertThat(Answered.of(answer(prepared, RequestType.PING, QueryArgument.None.INSTANCE))
                            .answer()
                            .asInt())
                    .isEqualTo(1);
        }

        @Test
        void answersEveryRequestWithTheReasonWhileThereIsNoSnapshot() {
            PreparedAnswers none = new QueryEngine().unavailable("Configuration not loaded yet");

            for (RequestType type : RequestType.values()) {
                assertThat(answer(none, type, QueryArgument.None.INSTANCE).text())
                        .isEqualTo(
                                "{\"protocol\":1,\"status\":1,\"answer\":\"Configuration not loaded yet\",\"serial\":0}");
            }
        }

        @Test
        void stopsCachingPointerAnswersAtTheBoundButKeepsAnswering() {
            for (int i = 0; i < PreparedAnswers.MAX_CACHED_POINTERS + 500; i++) {
                Answered a = ask(s, RequestType.CONFIG_QUERY, "/cluster/master_ip~x" + i);
                if (i % 1000 == 0 || i > PreparedAnswers.MAX_CACHED_POINTERS) {
                    assertThat(a)
                            .isEqualTo(new Answered(
                                    0,
                                    Answered.of(ReplyBody.ok("\"192.0.2.100\"", 0))
                                            .answer(),
                                    77));
                }
            }

            assertThat(Answered.prepared(s).pointers).hasSizeLessThanOrEqualTo(PreparedAnswers.MAX_CACHED_POINTERS);
        }
    }

    private static ReplyBody answer(PreparedAnswers prepared, RequestType type, QueryArgument query) {
        return Answered.engine().answer(new ConfdRequest(type, query, "r"), prepared);
    }
}
