package io.ganeticonfd.bench;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.Instance;
import io.ganeticonfd.config.Nic;
import io.ganeticonfd.config.Node;
import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.ReplyStatus;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;

/**
 * Every request type's answer from {@link QueryEngine} on a snapshot's answers prepared as the daemon prepares them:
 * {@code small} (testsuite 2.16) and {@code large} (200 nodes / 4000 instances). Arguments name
 * things that exist: the node with the most DRBD minors, the instance with the most disks, the first
 * IP on the default link (else of any link), {@code /cluster/cluster_name}; the CLUSTER_MASTER case asks for the name
 * (no argument), INSTANCES_IPS_LIST the default link. Set-up fails if an answer is not OK, except
 * NODE_PIP_BY_INSTANCE_IP on {@code small}: that config has no instance IP, so it measures a miss.
 *
 * <pre>
 * ./mvnw -B -Pjmh package -DskipTests &amp;&amp; java -jar target/benchmarks.jar Query -prof gc
 * java -jar target/benchmarks.jar Query -p cluster=large -p type=NODE_INSTANCES
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueryBenchmark {

    private static final String RSALT = "0f3c2a10-0000-4000-8000-00000000002a";
    private static final String NO_IP = "192.0.2.1";

    @Param({"small", "large"})
    public String cluster;

    @Param({
        "PING", "NODE_ROLE_BYNAME", "NODE_PIP_BY_INSTANCE_IP", "CLUSTER_MASTER", "NODE_PIP_LIST", "MC_PIP_LIST",
        "INSTANCES_IPS_LIST", "NODE_DRBD", "NODE_INSTANCES", "INSTANCE_DISKS", "CONFIG_QUERY", "DATA_COLLECTORS"
    })
    public String type;

    private PreparedAnswers prepared;
    private QueryEngine engine;
    private ConfdRequest request;

    @Setup
    public void setUp() {
        ClusterSnapshot snapshot =
                BenchConfigs.valueOf(cluster.toUpperCase(java.util.Locale.ROOT)).snapshot();
        engine = new QueryEngine();
        prepared = engine.prepare(snapshot);
        RequestType t = RequestType.valueOf(type);
        request = new ConfdRequest(t, argument(t, snapshot), RSALT);
        ReplyBody reply = engine.answer(request, prepared);
        boolean miss = request.query() instanceof QueryArgument.Dict d && NO_IP.equals(d.ip());
        if (reply.status() != ReplyStatus.OK && !miss) {
            throw new IllegalStateException(type + " on " + cluster + " is not answered OK: " + reply);
        }
    }

    @Benchmark
    public ReplyBody answer() {
        return engine.answer(request, prepared);
    }

    static QueryArgument argument(RequestType t, ClusterSnapshot s) {
        return switch (t) {
            case PING, CLUSTER_MASTER, NODE_PIP_LIST, MC_PIP_LIST, INSTANCES_IPS_LIST, DATA_COLLECTORS ->
                QueryArgument.None.INSTANCE;
            case NODE_ROLE_BYNAME, NODE_DRBD, NODE_INSTANCES ->
                new QueryArgument.Plain(busiestNode(s).name());
            case INSTANCE_DISKS ->
                new QueryArgument.Plain(s.instances().values().stream()
                        .max(Comparator.comparingInt((Instance i) -> i.disks().size()))
                        .orElseThrow()
                        .name());
            case NODE_PIP_BY_INSTANCE_IP -> instanceIp(s);
            case CONFIG_QUERY -> new QueryArgument.Plain("/cluster/cluster_name");
        };
    }

    /**
     * The first IP on the default link, else the first NIC with an IP on its own link; a config
     * without instance IPs (testsuite 2.16) gets {@link #NO_IP}, answered "unknown entry".
     */
    private static QueryArgument instanceIp(ClusterSnapshot s) {
        String link = s.cluster().defaultLink();
        if (link != null && !s.ipsOnLink(link).isEmpty()) {
            return new QueryArgument.Dict(null, s.ipsOnLink(link).iterator().next(), List.of(), List.of());
        }
        Nic nic = s.instances().values().stream()
                .flatMap(i -> i.nics().stream())
                .filter(n -> n.ip() != null)
                .filter(n -> s.instanceByIp(n.link(), n.ip()) != null)
                .findFirst()
                .orElse(null);
        return nic == null
                ? new QueryArgument.Dict(null, NO_IP, List.of(), List.of())
                : new QueryArgument.Dict(nic.link(), nic.ip(), List.of(), List.of());
    }

    private static Node busiestNode(ClusterSnapshot s) {
        return s.nodes().values().stream()
                .max(Comparator.comparingInt((Node n) -> s.drbdMinors(n).size())
                        .thenComparing(Node::key, Comparator.reverseOrder()))
                .orElseThrow();
    }
}
