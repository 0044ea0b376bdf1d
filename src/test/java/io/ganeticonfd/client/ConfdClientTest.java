package io.ganeticonfd.client;

import static io.ganeticonfd.client.Futures.confdFailure;
import static io.ganeticonfd.client.Futures.value;
import static io.ganeticonfd.client.InProcessServer.SYNTHETIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.ErrorCode;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.NodeRole;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyStatus;
import io.ganeticonfd.protocol.RequestType;

/** Every typed request method against one in-process server, checked against Ganeti's recorded answers. */
class ConfdClientTest {

    private InProcessServer server;
    private ConfdClient client;

    @BeforeEach
    void start() throws Exception {
        server = InProcessServer.serving(SYNTHETIC).start();
        client = ConfdClient.builder(ConformanceVectors.key(SYNTHETIC))
                .peers(server.peer())
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void pingAnswersTheConfigVersion() {
        assertThat(value(client.ping())).isEqualTo(3_000_000L);
    }

    @Test
    void clusterMasterAnswersTheMasterNodeName() {
        assertThat(value(client.clusterMaster())).isEqualTo("node1.example.com");
    }

    @Test
    void clusterMasterFieldsAnswersEachFieldAsked() {
        assertThat(value(client.clusterMasterFields(
                        MasterField.NODE_PRIMARY_IP, MasterField.NAME, MasterField.MASTER_IP)))
                .containsOnly(
                        entry(MasterField.NAME, "node1.example.com"),
                        entry(MasterField.MASTER_IP, "198.51.100.11"),
                        entry(MasterField.NODE_PRIMARY_IP, "172.16.0.1"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "node1.example.com, MASTER",
        "node10.example.com, CANDIDATE",
        "node3.example.com, OFFLINE",
        "node11.example.com, DRAINED",
        "node6.example.com, REGULAR",
        "node10, CANDIDATE"
    })
    void nodeRoleAnswersTheRoleAsAnEnum(String node, NodeRole role) {
        assertThat(value(client.nodeRole(node))).isEqualTo(role);
    }

    @Test
    void nodeRoleOfAnUnknownNodeFailsWithTheErrorReply() {
        ConfdException e = confdFailure(client.nodeRole("no-such-node.example.com"));

        assertThat(e.reason()).isEqualTo(ConfdException.Reason.ERROR_STATUS);
        assertThat(e.status()).contains(ReplyStatus.ERROR);
        assertThat(e.answer()).hasValueSatisfying(a -> assertThat(a.asText()).contains("no-such-node.example.com"));
        assertThat(e.result().chosen()).isPresent();
    }

    @Test
    void nodePrimaryIpByInstanceIpLooksUpTheDefaultLinkWhenNoneIsGiven() {
        assertThat(value(client.nodePrimaryIpByInstanceIp("198.18.0.59", null))).isEqualTo("172.16.0.5");
        assertThat(value(client.nodePrimaryIpByInstanceIp("198.18.0.2", null))).isEqualTo("172.16.0.9");
        assertThat(value(client.nodePrimaryIpByInstanceIp("198.18.0.2", "br1"))).isEqualTo("172.16.0.12");
    }

    @Test
    void nodePrimaryIpByInstanceIpOfAnUnknownIpFailsWithUnknownEntry() {
        ConfdException e = confdFailure(client.nodePrimaryIpByInstanceIp("203.0.113.254", null));

        assertThat(e.reason()).isEqualTo(ConfdException.Reason.ERROR_STATUS);
        assertThat(e.errorCode()).contains(ErrorCode.UNKNOWN_ENTRY);
    }

    @Test
    void nodePrimaryIpsByInstanceIpsMapsTheIpsFoundInQueryOrder() {
        List<String> ips = List.of("10.40.5.236", "10.40.4.181", "10.40.4.116", "203.0.113.253");

        assertThat(value(client.nodePrimaryIpsByInstanceIps(ips, "br-net0")))
                .containsExactly(
                        entry("10.40.5.236", "172.16.0.1"),
                        entry("10.40.4.181", "172.16.0.10"),
                        entry("10.40.4.116", "172.16.0.10"));
    }

    @Test
    void nodePrimaryIpsAreThoseGanetiAnswered() {
        assertThat(value(client.nodePrimaryIps()))
                .containsExactlyInAnyOrderElementsOf(texts(golden(RequestType.NODE_PIP_LIST, null)));
    }

    @Test
    void masterCandidateIpsAreThoseGanetiAnswered() {
        assertThat(value(client.masterCandidateIps()))
                .containsExactlyInAnyOrderElementsOf(texts(golden(RequestType.MC_PIP_LIST, null)))
                .hasSize(6);
    }

    @Test
    void instanceIpsUsesTheDefaultLinkForNullAndTheGivenLinkOtherwise() {
        assertThat(value(client.instanceIps(null)))
                .containsExactlyInAnyOrderElementsOf(texts(golden(RequestType.INSTANCES_IPS_LIST, null)));
        assertThat(value(client.instanceIps("br-net1"))).containsExactlyInAnyOrder("10.41.3.177", "10.41.7.75");
    }

    @Test
    void nodeDrbdDecodesEveryMinor() {
        List<DrbdEntry> expected = new ArrayList<>();
        for (JsonNode e : golden(RequestType.NODE_DRBD, TextNode.valueOf("node1.example.com"))) {
            expected.add(new DrbdEntry(
                    e.get(0).asText(),
                    e.get(1).asLong(),
                    e.get(2).asText(),
                    e.get(3).asText(),
                    e.get(4).asText().equals("primary"),
                    e.get(5).asText()));
        }

        assertThat(value(client.nodeDrbd("node1.example.com")))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(expected)
                .contains(new DrbdEntry(
                        "node1.example.com", 6, "inst51.example.com", "disk/0", true, "node7.example.com"));
        assertThat(value(client.nodeDrbd("node11.example.com"))).isEmpty();
    }

    @Test
    void nodeInstancesSplitsPrimariesAndSecondaries() {
        NodeInstances instances = value(client.nodeInstances("node1.example.com"));

        assertThat(instances.primaries())
                .extracting(InstanceInfo::name)
                .containsExactlyInAnyOrder("inst51.example.com", "inst19.example.com", "inst30.example.com");
        assertThat(instances.secondaries())
                .extracting(InstanceInfo::name)
                .containsExactlyInAnyOrder(
                        "inst52.example.com", "inst41.example.com", "inst42.example.com", "inst16.example.com");
        assertThat(instances.primaries()).allSatisfy(i -> {
            assertThat(i.uuid()).isNotBlank();
            assertThat(i.json().path("name").asText()).isEqualTo(i.name());
        });
    }

    @Test
    void instanceDisksDecodesEachDiskInOrder() {
        JsonNode recorded = golden(RequestType.INSTANCE_DISKS, TextNode.valueOf("inst30.example.com"));

        List<DiskInfo> disks = value(client.instanceDisks("inst30.example.com"));

        assertThat(disks).extracting(DiskInfo::json).containsExactlyElementsOf(recorded);
        assertThat(disks.get(0).devType()).isEqualTo("drbd");
        assertThat(disks.get(0).size())
                .isEqualTo(recorded.get(0).get("size").asLong())
                .isPositive();
        assertThat(value(client.instanceDisks("inst28.example.com"))).isEmpty();
    }

    @Test
    void configValueAnswersTheValueAtThePointer() {
        assertThat(value(client.configValue("/cluster/cluster_name")))
                .isEqualTo(TextNode.valueOf("cluster1.example.com"));
        assertThat(value(client.configValue("/nodes/552b82f6-be3e-4c0a-9ef2-a4f04be03db0"))
                        .path("name")
                        .asText())
                .isEqualTo("node1.example.com");
    }

    @Test
    void configValueOfAPointerThatDoesNotResolveFailsWithArgumentError() {
        assertThat(confdFailure(client.configValue("/cluster/no_such_key")).errorCode())
                .contains(ErrorCode.ARGUMENT);
    }

    @Test
    void dataCollectorsDecodesActivityAndInterval() {
        Map<String, DataCollector> collectors = value(client.dataCollectors());
        ObjectNode recorded = (ObjectNode) golden(RequestType.DATA_COLLECTORS, null);

        assertThat(collectors).containsOnlyKeys(iterable(recorded.fieldNames()));
        assertThat(collectors.get("drbd")).isEqualTo(new DataCollector(false, Duration.ofSeconds(5)));
        assertThat(collectors.get("cpu-avg-load")).isEqualTo(new DataCollector(true, Duration.ofSeconds(5)));
    }

    @Test
    void queryReturnsTheFullResultWithTheChosenPeerAndSerial() {
        ConfdResult result = value(client.query(RequestType.CLUSTER_MASTER, QueryArgument.None.INSTANCE));

        assertThat(result.complete()).isTrue();
        assertThat(result.asked()).extracting(Peer::toString).containsExactly(server.peer());
        assertThat(result.chosen()).hasValueSatisfying(c -> {
            assertThat(c.peer().toString()).isEqualTo(server.peer());
            assertThat(c.reply().serial()).isEqualTo(2724);
            assertThat(c.reply().salt()).isEqualTo(result.request().rsalt());
        });
    }

    @Test
    void eachRequestCarriesAFreshRsalt() {
        ConfdResult first = value(client.query(RequestType.PING, QueryArgument.None.INSTANCE));
        ConfdResult second = value(client.query(RequestType.PING, QueryArgument.None.INSTANCE));

        assertThat(first.request().rsalt()).isNotEqualTo(second.request().rsalt());
    }

    private static JsonNode golden(RequestType type, JsonNode query) {
        return Golden.answer(SYNTHETIC, type, query);
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
