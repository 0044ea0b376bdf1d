package io.ganeticonfd.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.support.UdpTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The daemon bound to every IPv4 and IPv6 address with two sockets, {@code --redact-private}, {@code -d}
 * and tight JSON limits: answers over both families and both sockets, hides private values, logs one
 * line per request, never logs the key, drops JSON deeper or longer than configured.
 */
@QuarkusTest
@TestProfile(HardenedDualStackTest.Profile.class)
class HardenedDualStackTest {

    private static final String DIR = "synthetic-n12-i60-g3-s1";
    private static final byte[] KEY_BYTES = ConformanceVectors.read(DIR, "hmac.key");
    private static final HmacKey KEY = HmacKey.of(KEY_BYTES);

    @Inject
    DaemonLifecycle lifecycle;

    /**
     * Dual-stack bind (IPv4 only on a host without IPv6 on loopback), redaction, debug logging to a
     * file of this run's own.
     */
    public static class Profile implements QuarkusTestProfile {
        static final boolean IPV6 = ipv6Loopback();
        static final Path LOG = freshLog();
        static final int MAX_DEPTH = 3;
        static final int MAX_STRING = 1024;

        @Override
        public Map<String, String> getConfigOverrides() {
            String dir = ConformanceVectors.directory(DIR).toString();
            return Map.ofEntries(
                    Map.entry("confd.config.file", dir + "/config.data"),
                    Map.entry("confd.hmac.key-file", dir + "/hmac.key"),
                    Map.entry("confd.udp.bind", IPV6 ? "::" : "0.0.0.0"),
                    Map.entry("confd.udp.listeners", "2"),
                    Map.entry("confd.udp.max-json-depth", Integer.toString(MAX_DEPTH)),
                    Map.entry("confd.udp.max-json-string-length", Integer.toString(MAX_STRING)),
                    Map.entry("confd.config.redact-private", "true"),
                    Map.entry("quarkus.log.file.enabled", "true"),
                    Map.entry("quarkus.log.file.path", LOG.toString()),
                    Map.entry("quarkus.log.file.level", "DEBUG"),
                    Map.entry("quarkus.log.category.\"io.ganeticonfd\".level", "DEBUG"));
        }

        private static boolean ipv6Loopback() {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("::1", 0))) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static Path freshLog() {
            try {
                Path dir = Files.createTempDirectory("confd-hardened-test-");
                Path log = dir.resolve("confd.log");
                dir.toFile().deleteOnExit();
                log.toFile().deleteOnExit(); // deleted first: the hooks run in reverse order
                return log;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void answersOverIpv4AndIpv6() {
        assertThat(ask("127.0.0.1", RequestType.PING, null).path("answer").asLong())
                .isEqualTo(3000000);
        assumeTrue(Profile.IPV6, "this host has no IPv6 on loopback: the daemon listens on IPv4 only");
        assertThat(ask("::1", RequestType.PING, null).path("answer").asLong()).isEqualTo(3000000);
    }

    @Test
    void twoListenersShareThePortAndBothAnswer() {
        assertThat(lifecycle.heartbeats().loops())
                .as("two sockets bound to one port (SO_REUSEPORT)")
                .isEqualTo(2);
        // the kernel spreads senders over the sockets by their address: 32 senders reach both (all on one: 2^-31)
        for (int i = 0; i < 32; i++) {
            assertThat(ask("127.0.0.1", RequestType.PING, null).path("answer").asLong())
                    .isEqualTo(3000000);
        }
    }

    @Test
    void acceptsJsonNestedToTheConfiguredDepthAndDropsDeeper() throws Exception {
        try (UdpTestClient client = new UdpTestClient("127.0.0.1", lifecycle.udpPort(), KEY)) {
            // message object, query dict, its IP list (member "2"): 3 levels, the deepest a valid request nests
            assertThat(client.exchange(signed("{\"protocol\": 1, \"type\": 2, \"query\": {\"2\": [\"192.0.2.1\"]}, "
                            + "\"rsalt\": \"depth-ok\"}")))
                    .singleElement()
                    .extracting(UdpTestClient.Reply::salt)
                    .isEqualTo("depth-ok");
            // one level more: refused by the JSON parser's limit (without it: by the query's shape)
            assertThat(client.exchange(signed("{\"protocol\": 1, \"type\": 2, \"query\": {\"2\": [[\"192.0.2.1\"]]}, "
                            + "\"rsalt\": \"too-deep\"}")))
                    .as("dropped")
                    .isEmpty();
            String sender = "127.0.0.1:" + client.localPort() + " dropped ";
            List<String> drops = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> Files.readString(Profile.LOG, StandardCharsets.UTF_8)
                                    .lines()
                                    .filter(l -> l.contains(sender))
                                    .toList(),
                            found -> !found.isEmpty());
            assertThat(drops).singleElement().asString().contains("bad_request (message is not valid JSON)");
        }
    }

    @Test
    void acceptsStringsOfTheConfiguredLengthAndDropsLonger() {
        try (UdpTestClient client = new UdpTestClient("127.0.0.1", lifecycle.udpPort(), KEY)) {
            String head = "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"long\", \"query\": \"";
            String tail = "\"}";
            // the envelope's msg member is the longest string of a request: exactly the limit, then one more
            String longest = head + "x".repeat(Profile.MAX_STRING - head.length() - tail.length()) + tail;
            assertThat(longest).hasSize(Profile.MAX_STRING);
            assertThat(client.exchange(signed(longest)))
                    .singleElement()
                    .extracting(UdpTestClient.Reply::salt)
                    .isEqualTo("long");
            String tooLong = head + "x".repeat(Profile.MAX_STRING + 1 - head.length() - tail.length()) + tail;
            assertThat(client.exchange(signed(tooLong))).as("dropped").isEmpty();
        }
    }

    private static byte[] signed(String message) {
        return UdpTestClient.signedEnvelope(message, KEY);
    }

    @Test
    void redactsPrivateParametersAndDrbdSecrets() {
        JsonNode osparams = ask(
                Profile.IPV6 ? "::1" : "127.0.0.1",
                RequestType.CONFIG_QUERY,
                "/instances/363f89c2-63bc-4601-9476-78f58c09786b/osparams_private");
        assertThat(osparams.path("answer").path("root_password").asText()).isEqualTo("<redacted>");
        JsonNode cluster = ask(
                Profile.IPV6 ? "::1" : "127.0.0.1",
                RequestType.CONFIG_QUERY,
                "/cluster/osparams_private_cluster/debian-image/root_password");
        assertThat(cluster.path("answer").asText()).isEqualTo("<redacted>");
        JsonNode secret =
                ask("127.0.0.1", RequestType.CONFIG_QUERY, "/disks/0b37dd47-1d31-40dd-a856-0654943ba0ff/logical_id/5");
        assertThat(secret.path("answer").asText()).isEqualTo("<redacted>");
        JsonNode disks = ask("127.0.0.1", RequestType.INSTANCE_DISKS, "inst10.example.com");
        assertThat(disks.toString()).doesNotContain("f1d20a5edd934e28fbed7cede019ab327d45c3e3");
        JsonNode instances = ask("127.0.0.1", RequestType.NODE_INSTANCES, "node1.example.com");
        assertThat(instances.toString()).doesNotContain("secret-9");
    }

    @Test
    void logsEachRequestAndReplyOnOneLineAndNeverTheKey() throws Exception {
        List<String> lines;
        try (UdpTestClient client = new UdpTestClient("127.0.0.1", lifecycle.udpPort(), KEY)) {
            String rsalt = UUID.randomUUID().toString();
            assertThat(client.ask(
                            UdpTestClient.request(
                                    RequestType.CONFIG_QUERY,
                                    new QueryArgument.Plain("/cluster/cluster_name"),
                                    rsalt,
                                    KEY),
                            rsalt))
                    .isNotNull();
            // the reply is sent before the line is logged: wait for this client's own line
            String sender = "127.0.0.1:" + client.localPort() + " CONFIG_QUERY ";
            lines = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> Files.readString(Profile.LOG, StandardCharsets.UTF_8)
                                    .lines()
                                    .filter(l -> l.contains(sender) && l.contains("/cluster/cluster_name"))
                                    .toList(),
                            found -> !found.isEmpty());
        }
        assertThat(lines).singleElement().asString().contains("\"status\":0").contains("cluster1.example.com");
        String log = Files.readString(Profile.LOG, StandardCharsets.UTF_8);
        String key = new String(KEY_BYTES, StandardCharsets.US_ASCII);
        assertThat(log).doesNotContain(key).doesNotContain(key.substring(0, 16)).contains(KEY.fingerprint());
    }

    private JsonNode ask(String host, RequestType type, String query) {
        try (UdpTestClient client = new UdpTestClient(host, lifecycle.udpPort(), KEY)) {
            String rsalt = UUID.randomUUID().toString();
            QueryArgument argument = query == null ? QueryArgument.None.INSTANCE : new QueryArgument.Plain(query);
            return client.ask(UdpTestClient.request(type, argument, rsalt, KEY), rsalt);
        }
    }
}
