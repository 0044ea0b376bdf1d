package io.ganeticonfd.client;

import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.NodeRole;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RequestEncoder;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.protocol.RsaltSequence;

/**
 * Asks confd servers over UDP: each request goes, signed and with a fresh rsalt, to several peers;
 * verified replies are gathered until enough arrived or the timeout, and the newest answer wins.
 * Thread-safe; one socket and one daemon I/O thread per client; close it when done.
 * Futures complete on the callback executor (default: the common fork-join pool).
 */
public final class ConfdClient implements AutoCloseable {

    /** Largest request datagram confd reads; longer ones are cut off and never answered. */
    public static final int MAX_REQUEST_BYTES = 4096;

    private final ClientSettings settings;
    private final RequestEncoder encoder;
    private final InstantSource clock;
    private final RequestLoop loop;
    private final RsaltSequence rsalts = RsaltSequence.random();

    ConfdClient(ClientSettings settings, InstantSource clock) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        this.settings = settings;
        this.encoder = new RequestEncoder(mapper);
        this.clock = clock;
        this.loop = new RequestLoop(settings, this::sign, new DatagramReader(mapper, settings.key()));
    }

    /** A builder for a client signing with {@code key}. */
    public static ConfdClientBuilder builder(HmacKey key) {
        return new ConfdClientBuilder(key);
    }

    /** The peers this client knows, in the order given. */
    public List<Peer> peers() {
        return settings.peers();
    }

    /** Sends one request and gathers every reply; completes when enough arrived or at the timeout. */
    public CompletableFuture<ConfdResult> query(RequestType type, QueryArgument query) {
        ConfdRequest request = new ConfdRequest(type, Objects.requireNonNull(query), rsalts.next());
        if (loop.closed()) {
            return CompletableFuture.failedFuture(ConfdException.closed(null));
        }
        byte[] datagram = sign(request);
        if (datagram.length > MAX_REQUEST_BYTES) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "request of " + datagram.length + " bytes exceeds confd's limit of " + MAX_REQUEST_BYTES));
        }
        Pending pending = new Pending(request, datagram, settings.askOrder(), settings.coverage(), settings.retries());
        loop.submit(pending);
        return pending.future;
    }

    /** PING: the configuration's version number (3000000 for Ganeti 3.0). */
    public CompletableFuture<Long> ping() {
        return typed(RequestDescription.PING, null);
    }

    /** CLUSTER_MASTER: the master node's name. */
    public CompletableFuture<String> clusterMaster() {
        return typed(RequestDescription.CLUSTER_MASTER, null);
    }

    /** CLUSTER_MASTER with fields: the value of each field asked. */
    public CompletableFuture<Map<MasterField, String>> clusterMasterFields(MasterField... fields) {
        List<MasterField> list = List.of(fields);
        return typed(
                RequestType.CLUSTER_MASTER,
                RequestDescription.CLUSTER_MASTER.query(null, null, list),
                a -> AnswerDecoders.masterFields(a, list));
    }

    /** NODE_ROLE_BYNAME: the role of a node given by name, short name or UUID. */
    public CompletableFuture<NodeRole> nodeRole(String node) {
        return typed(RequestDescription.NODE_ROLE, Objects.requireNonNull(node));
    }

    /** NODE_PIP_BY_INSTANCE_IP: primary IP of the node running the instance with this IP on a link (null: default link). */
    public CompletableFuture<String> nodePrimaryIpByInstanceIp(String instanceIp, String link) {
        RequestDescription<String> d = RequestDescription.NODE_PIP_BY_INSTANCE_IP;
        return typed(d.type(), d.query(Objects.requireNonNull(instanceIp), link, null), d::decode);
    }

    /** NODE_PIP_BY_INSTANCE_IP for several IPs: instance IP to node primary IP, for the IPs found, in query order. */
    public CompletableFuture<Map<String, String>> nodePrimaryIpsByInstanceIps(List<String> instanceIps, String link) {
        List<String> ips = List.copyOf(instanceIps);
        return typed(
                RequestType.NODE_PIP_BY_INSTANCE_IP,
                new QueryArgument.Dict(link, null, ips, List.of()),
                a -> AnswerDecoders.ipMappings(a, ips));
    }

    /** NODE_PIP_LIST: the primary IPs of all nodes. */
    public CompletableFuture<List<String>> nodePrimaryIps() {
        return typed(RequestDescription.NODE_PIP_LIST, null);
    }

    /** MC_PIP_LIST: the primary IPs of all master candidates. */
    public CompletableFuture<List<String>> masterCandidateIps() {
        return typed(RequestDescription.MC_PIP_LIST, null);
    }

    /** INSTANCES_IPS_LIST: the instance IPs on a link (null: the cluster's default link). */
    public CompletableFuture<List<String>> instanceIps(String link) {
        return typed(RequestDescription.INSTANCES_IPS_LIST, link);
    }

    /** NODE_DRBD: the DRBD minors of a node. */
    public CompletableFuture<List<DrbdEntry>> nodeDrbd(String node) {
        return typed(RequestDescription.NODE_DRBD, Objects.requireNonNull(node));
    }

    /** NODE_INSTANCES: the primary and secondary instances of a node. */
    public CompletableFuture<NodeInstances> nodeInstances(String node) {
        return typed(RequestDescription.NODE_INSTANCES, Objects.requireNonNull(node));
    }

    /** INSTANCE_DISKS: the disks of an instance, in its disk order. */
    public CompletableFuture<List<DiskInfo>> instanceDisks(String instance) {
        return typed(RequestDescription.INSTANCE_DISKS, Objects.requireNonNull(instance));
    }

    /** CONFIG_QUERY: the configuration value at a JSON pointer such as {@code /cluster/cluster_name}. */
    public CompletableFuture<JsonNode> configValue(String pointer) {
        return typed(RequestDescription.CONFIG_QUERY, Objects.requireNonNull(pointer));
    }

    /** DATA_COLLECTORS: the settings of each data collector, by name. */
    public CompletableFuture<Map<String, DataCollector>> dataCollectors() {
        return typed(RequestDescription.DATA_COLLECTORS, null);
    }

    /** Stops the I/O thread and closes the socket; unfinished requests fail with {@link ConfdException.Reason#CLOSED}. */
    @Override
    public void close() {
        loop.close();
    }

    /** A request of {@code description}'s type with the plain argument {@code arg} (null: none), its answer decoded. */
    private <T> CompletableFuture<T> typed(RequestDescription<T> description, String arg) {
        return typed(description.type(), description.query(arg, null, null), description::decode);
    }

    private <T> CompletableFuture<T> typed(RequestType type, QueryArgument arg, Function<JsonNode, T> decoder) {
        return query(type, arg).thenApply(result -> AnswerDecoders.decode(result, decoder));
    }

    private byte[] sign(ConfdRequest request) {
        return encoder.encode(request, clock.instant().getEpochSecond(), settings.key());
    }
}
