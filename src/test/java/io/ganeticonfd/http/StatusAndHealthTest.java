package io.ganeticonfd.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RejectReason;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.server.DaemonLifecycle;
import io.ganeticonfd.support.UdpTestClient;
import io.quarkus.test.junit.QuarkusTest;

/** The HTTP side on the testsuite-2.16 cluster: /status fields, the four health groups and the Prometheus series. */
@QuarkusTest
class StatusAndHealthTest {

    private static final byte[] KEY_BYTES = ConformanceVectors.read("testsuite-2.16", "hmac.key");
    private static final HmacKey KEY = HmacKey.of(KEY_BYTES);

    @Inject
    DaemonLifecycle lifecycle;

    @Test
    void statusDescribesTheServedConfiguration() {
        given().get("/status")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("serving", equalTo(true))
                .body("serial", equalTo(3189))
                .body("configSerial", equalTo(7627))
                .body("configVersion", equalTo(3000000))
                .body("clusterName", equalTo("cluster.name.example.com"))
                .body("masterNode", equalTo("node1.example.com"))
                .body("nodes", equalTo(3))
                .body("instances", equalTo(3))
                .body("configFile.path", equalTo("src/test/resources/conformance/testsuite-2.16/config.data"))
                .body("configFile.ok", equalTo(true))
                .body("configFile.newerThanSnapshot", equalTo(false))
                .body("configFile.servedMtime", notNullValue())
                .body("configFile.servedBytes", equalTo(15874))
                .body("configFile.watchMode", equalTo("watch"))
                .body("loadedAt", notNullValue())
                .body("snapshotAgeSeconds", greaterThanOrEqualTo(0f))
                .body("reloads.reloaded", greaterThanOrEqualTo(1))
                .body("reloads.failed", equalTo(0))
                .body("lastReloadResult", notNullValue())
                .body("lastError", nullValue())
                .body("hmacKey.fingerprint", equalTo(KEY.fingerprint()))
                .body("hmacKey.previousFingerprint", nullValue())
                .body("hmacKey.rotations", equalTo(0))
                .body("udp.bound", equalTo(true))
                .body("udp.address", equalTo("127.0.0.1"))
                .body("udp.port", equalTo(lifecycle.udpPort()))
                .body("uptimeSeconds", greaterThanOrEqualTo(0f))
                .body("daemonVersion", notNullValue())
                .body("redactPrivate", equalTo(false));
    }

    @Test
    void healthGroupsAreUp() {
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks[0].name", equalTo("event-loops"))
                .body("checks[0].status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks[0].name", equalTo("confd-serving"))
                .body("checks[0].data.serial", equalTo(3189));
        given().get("/q/health/started")
                .then()
                .statusCode(200)
                .body("checks[0].name", equalTo("udp-listener"))
                .body("checks[0].data.port", equalTo(lifecycle.udpPort()));
        given().get("/q/health/well")
                .then()
                .statusCode(200)
                .body("checks[0].name", equalTo("config-file"))
                .body("checks[0].status", equalTo("UP"));
    }

    @Test
    void metricsCountRequestsByTypeAndDropsByReason() {
        double pingsBefore = metric("confd_requests_total{status=\"ok\",type=\"ping\"}");
        double errorsBefore = metric("confd_requests_total{status=\"error\",type=\"node-role\"}");
        double magicBefore = metric("confd_drops_total{reason=\"bad_magic\"}");
        double hmacBefore = metric("confd_drops_total{reason=\"bad_hmac\"}");
        try (UdpTestClient client = new UdpTestClient("127.0.0.1", lifecycle.udpPort(), KEY)) {
            assertThat(client.exchange(request(RequestType.PING, QueryArgument.None.INSTANCE, KEY)))
                    .hasSize(1);
            assertThat(client.exchange(
                            request(RequestType.NODE_ROLE_BYNAME, new QueryArgument.Plain("no-such-node"), KEY)))
                    .hasSize(1);
            assertThat(client.exchange("garbage".getBytes(StandardCharsets.US_ASCII)))
                    .isEmpty();
            assertThat(client.exchange(
                            request(RequestType.PING, QueryArgument.None.INSTANCE, HmacKey.of("another key"))))
                    .isEmpty();
        }
        // the sentinel pings of exchange() count too: 4 more pings, 1 node-role error
        assertThat(metric("confd_requests_total{status=\"ok\",type=\"ping\"}") - pingsBefore)
                .isEqualTo(5);
        assertThat(metric("confd_requests_total{status=\"error\",type=\"node-role\"}") - errorsBefore)
                .isEqualTo(1);
        assertThat(metric("confd_drops_total{reason=\"bad_magic\"}") - magicBefore)
                .isEqualTo(1);
        assertThat(metric("confd_drops_total{reason=\"bad_hmac\"}") - hmacBefore)
                .isEqualTo(1);
        assertThat(metric("confd_config_serial")).isEqualTo(3189);
        assertThat(metric("confd_config_file_ok")).isEqualTo(1);
        assertThat(metric("confd_snapshot_loaded")).isEqualTo(1);
        assertThat(metric("confd_reloads_total{result=\"reloaded\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric("confd_key_rotations_total")).isZero();
        assertThat(metric("confd_snapshot_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(metric("confd_request_duration_seconds_count")).isGreaterThanOrEqualTo(5);
        assertThat(metric("confd_reply_size_bytes_count")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void everyDropReasonIsCountedUnderItsOwnLabel() {
        String now = Long.toString(System.currentTimeMillis() / 1000);
        String ping = "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\"}";
        Map<RejectReason, byte[]> datagrams = new EnumMap<>(RejectReason.class);
        datagrams.put(RejectReason.OVERSIZE, ("plj0" + "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII));
        datagrams.put(RejectReason.BAD_MAGIC, "garbage".getBytes(StandardCharsets.US_ASCII));
        datagrams.put(RejectReason.BAD_JSON, "plj0{not json".getBytes(StandardCharsets.US_ASCII));
        datagrams.put(RejectReason.BAD_ENVELOPE, "plj0{\"msg\": \"x\"}".getBytes(StandardCharsets.US_ASCII));
        datagrams.put(RejectReason.BAD_HMAC, UdpTestClient.signedEnvelope(ping, now, HmacKey.of("another key")));
        datagrams.put(RejectReason.BAD_SALT, UdpTestClient.signedEnvelope(ping, "yesterday", KEY));
        datagrams.put(
                RejectReason.CLOCK_SKEW,
                UdpTestClient.signedEnvelope(ping, Long.toString(System.currentTimeMillis() / 1000 - 86_400), KEY));
        datagrams.put(RejectReason.BAD_REQUEST, UdpTestClient.signedEnvelope("{\"protocol\": 1}", now, KEY));
        datagrams.put(
                RejectReason.UNKNOWN_TYPE,
                UdpTestClient.signedEnvelope("{\"protocol\": 1, \"type\": 99, \"rsalt\": \"r\"}", now, KEY));
        assertThat(datagrams.keySet())
                .as("a datagram for every reason")
                .containsExactlyInAnyOrder(RejectReason.values());

        Map<RejectReason, Double> before = new EnumMap<>(RejectReason.class);
        datagrams.keySet().forEach(r -> before.put(r, metric(drops(r))));
        try (UdpTestClient client = new UdpTestClient("127.0.0.1", lifecycle.udpPort(), KEY)) {
            datagrams.forEach((reason, datagram) ->
                    assertThat(client.exchange(datagram)).as(reason.tag()).isEmpty());
        }
        datagrams
                .keySet()
                .forEach(r ->
                        assertThat(metric(drops(r)) - before.get(r)).as(r.tag()).isEqualTo(1));
    }

    @Test
    void aMissingSeriesIsAnErrorNotZero() {
        assertThatThrownBy(() -> metric("confd_no_such_series_total"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("confd_no_such_series_total");
    }

    private static String drops(RejectReason reason) {
        return "confd_drops_total{reason=\"" + reason.tag() + "\"}";
    }

    @Test
    void noEndpointRevealsTheKey() {
        String key = new String(KEY_BYTES, StandardCharsets.US_ASCII);
        for (String path : new String[] {"/status", "/q/health", "/q/health/well", "/q/metrics"}) {
            String body = given().get(path).then().extract().asString();
            assertThat(body).as(path).doesNotContain(key).doesNotContain(key.substring(0, 16));
        }
    }

    static double metric(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : body.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no series " + series + " in /q/metrics");
    }

    private static byte[] request(RequestType type, QueryArgument query, HmacKey key) {
        return UdpTestClient.request(type, query, UUID.randomUUID().toString(), key);
    }
}
