package io.ganeticonfd.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ganeticonfd.client.ConfdClient;
import io.ganeticonfd.client.ConfdException;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.NodeRole;

/**
 * The checks Ganeti's {@code confd-client} tool runs against a cluster, in its order: ping, master,
 * master fields, the master's role, node and candidate IP lists, instance IPs and their nodes, then
 * the timing of repeated pings and instance-IP lists. Each check is timed.
 */
final class SelfTest {

    /** One check's outcome: what it found, or why it failed. */
    record Check(String name, boolean ok, double millis, String detail) {}

    /** Instance IPs per NODE_PIP_BY_INSTANCE_IP request, so that a request stays under 4096 bytes. */
    private static final int IPS_PER_REQUEST = 40;

    private final ConfdClient client;
    private final int timingRequests;
    private final List<Check> checks = new ArrayList<>();

    SelfTest(ConfdClient client, int timingRequests) {
        this.client = client;
        this.timingRequests = timingRequests;
    }

    List<Check> run() {
        check("ping", () -> "config version " + client.ping().join());
        String master = check("master", () -> client.clusterMaster().join());
        Map<MasterField, String> fields = checkValue(
                "master fields",
                () -> client.clusterMasterFields(MasterField.NAME, MasterField.MASTER_IP, MasterField.NODE_PRIMARY_IP)
                        .join(),
                f -> masterFields(f, master));
        check("node role of the master", () -> masterRole(master));
        checkValue("node primary IPs", () -> client.nodePrimaryIps().join(), ips -> nodeIps(ips, fields));
        checkValue(
                "master candidate IPs",
                () -> client.masterCandidateIps().join(),
                ips -> ips.size() + " " + sample(ips));
        List<String> instanceIps = checkValue(
                "instance IPs (default link)",
                () -> client.instanceIps(null).join(),
                ips -> ips.size() + " " + sample(ips));
        check("node primary IPs of instance IPs", () -> mapInstanceIps(instanceIps));
        if (timingRequests > 0) {
            check(
                    "timing: " + timingRequests + " ping requests",
                    () -> timing(() -> client.ping().join()));
            check(
                    "timing: " + timingRequests + " instance-ips requests",
                    () -> timing(() -> client.instanceIps(null).join()));
        }
        return List.copyOf(checks);
    }

    /** Runs the checks and prints them (as JSON with {@code json}); returns 0 when all passed, else 1. */
    int report(boolean json, PrintWriter out) {
        List<Check> results = run();
        long passed = results.stream().filter(Check::ok).count();
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            ArrayNode peers = root.putArray("peers");
            client.peers().forEach(p -> peers.add(p.toString()));
            ArrayNode list = root.putArray("checks");
            results.forEach(c -> list.addObject()
                    .put("name", c.name())
                    .put("ok", c.ok())
                    .put("ms", Math.round(c.millis() * 1000) / 1000.0)
                    .put("detail", c.detail()));
            root.put("passed", passed).put("failed", results.size() - passed);
            ResultJson.print(out, root);
        } else {
            out.println("confd self-test against " + client.peers().size() + " peer(s): " + client.peers());
            for (Check c : results) {
                out.println(String.format(
                        Locale.ROOT,
                        "%-4s %9.3f ms  %s: %s",
                        c.ok() ? "OK" : "FAIL",
                        c.millis(),
                        c.name(),
                        c.detail()));
            }
            out.println(passed + "/" + results.size() + " checks passed");
        }
        return passed == results.size() ? 0 : 1;
    }

    private String masterFields(Map<MasterField, String> f, String master) {
        String text = f.get(MasterField.NAME) + ", master IP " + f.get(MasterField.MASTER_IP) + ", node IP "
                + f.get(MasterField.NODE_PRIMARY_IP);
        if (master != null && !master.equals(f.get(MasterField.NAME))) {
            throw new IllegalStateException(text + " disagrees with master " + master);
        }
        return text;
    }

    private String masterRole(String master) {
        if (master == null) {
            throw new IllegalStateException("skipped: the master is unknown");
        }
        NodeRole role = client.nodeRole(master).join();
        if (role != NodeRole.MASTER) {
            throw new IllegalStateException(master + " is " + role.name().toLowerCase(Locale.ROOT) + ", not master");
        }
        return master + " is master";
    }

    private static String nodeIps(List<String> ips, Map<MasterField, String> fields) {
        if (fields != null && !ips.contains(fields.get(MasterField.NODE_PRIMARY_IP))) {
            throw new IllegalStateException(
                    "the master's IP " + fields.get(MasterField.NODE_PRIMARY_IP) + " is missing");
        }
        return ips.size() + " " + sample(ips);
    }

    private String mapInstanceIps(List<String> ips) {
        if (ips == null) {
            throw new IllegalStateException("skipped: the instance IPs are unknown");
        }
        int mapped = 0;
        for (int from = 0; from < ips.size() || from == 0; from += IPS_PER_REQUEST) {
            List<String> chunk = ips.subList(from, Math.min(ips.size(), from + IPS_PER_REQUEST));
            mapped += client.nodePrimaryIpsByInstanceIps(chunk, null).join().size();
        }
        if (mapped < ips.size()) {
            throw new IllegalStateException((ips.size() - mapped) + " of " + ips.size() + " instance IPs have no node");
        }
        return mapped + " of " + ips.size() + " mapped to a node";
    }

    private String timing(Runnable request) {
        long start = System.nanoTime();
        for (int i = 0; i < timingRequests; i++) {
            request.run();
        }
        return String.format(Locale.ROOT, "%.3f ms per request", (System.nanoTime() - start) / 1e6 / timingRequests);
    }

    private static String sample(List<String> values) {
        List<String> first = values.subList(0, Math.min(3, values.size()));
        return values.isEmpty() ? "" : "(" + String.join(", ", first) + (values.size() > 3 ? ", ..." : "") + ")";
    }

    private String check(String name, Supplier<String> body) {
        return checkValue(name, body, v -> v);
    }

    /** Runs a timed check; its value (null when it failed) is handed to later checks. */
    private <T> T checkValue(String name, Supplier<T> body, Function<T, String> describe) {
        long start = System.nanoTime();
        try {
            T value = body.get();
            String detail = describe.apply(value);
            checks.add(new Check(name, true, (System.nanoTime() - start) / 1e6, detail));
            return value;
        } catch (CompletionException e) {
            String why = e.getCause() instanceof ConfdException c ? FailureText.of(c) : String.valueOf(e.getCause());
            checks.add(new Check(name, false, (System.nanoTime() - start) / 1e6, why));
        } catch (IllegalStateException e) {
            checks.add(new Check(name, false, (System.nanoTime() - start) / 1e6, e.getMessage()));
        }
        return null;
    }
}
