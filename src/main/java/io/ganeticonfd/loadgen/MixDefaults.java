package io.ganeticonfd.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import io.ganeticonfd.client.ConfdClient;
import io.ganeticonfd.client.InstanceInfo;
import io.ganeticonfd.client.NodeInstances;
import io.ganeticonfd.protocol.RequestType;

/**
 * Fills in the arguments a mix left out, asking the target once before the run: node queries
 * (node-role, node-drbd, node-instances) take the master's name, instance-disks the first instance
 * of the master, node-pip-by-instance-ip the first IP on the default link, config the pointer
 * {@code /cluster/cluster_name}; instance-ips without argument asks for the default link.
 */
final class MixDefaults {

    /** The pointer CONFIG_QUERY entries ask without an argument. */
    static final String CONFIG_POINTER = "/cluster/cluster_name";

    private final ConfdClient client;
    private String master;

    MixDefaults(ConfdClient client) {
        this.client = client;
    }

    /** Whether any entry needs a value discovered from the target. */
    static boolean needsDiscovery(BenchMix mix) {
        return mix.entries().stream()
                .anyMatch(e -> e.arg() == null
                        && switch (e.type()) {
                            case NODE_ROLE_BYNAME, NODE_DRBD, NODE_INSTANCES, INSTANCE_DISKS, NODE_PIP_BY_INSTANCE_IP ->
                                true;
                            default -> false;
                        });
    }

    /** The mix with every required argument filled in; config pointers need no discovery (client may be null then). */
    static BenchMix resolve(BenchMix mix, ConfdClient client) throws DiscoveryException {
        MixDefaults defaults = new MixDefaults(client);
        List<BenchMix.Entry> out = new ArrayList<>();
        for (BenchMix.Entry e : mix.entries()) {
            out.add(e.arg() != null ? e : defaults.fill(e));
        }
        return new BenchMix(out);
    }

    private BenchMix.Entry fill(BenchMix.Entry e) throws DiscoveryException {
        return switch (e.type()) {
            case NODE_ROLE_BYNAME, NODE_DRBD, NODE_INSTANCES -> e.withArg(master());
            case INSTANCE_DISKS -> e.withArg(instance());
            case NODE_PIP_BY_INSTANCE_IP -> e.withArg(instanceIp());
            case CONFIG_QUERY -> e.withArg(CONFIG_POINTER);
            default -> e;
        };
    }

    private String master() throws DiscoveryException {
        if (master == null) {
            master = ask(
                    "the master's name (type 3)", () -> client.clusterMaster().join(), RequestType.NODE_ROLE_BYNAME);
        }
        return master;
    }

    private String instance() throws DiscoveryException {
        String node = master();
        NodeInstances ni = ask(
                "the master's instances (type 8)",
                () -> client.nodeInstances(node).join(),
                RequestType.INSTANCE_DISKS);
        List<InstanceInfo> all = new ArrayList<>(ni.primaries());
        all.addAll(ni.secondaries());
        if (all.isEmpty()) {
            throw new DiscoveryException("the master " + node + " runs no instance; give one: "
                    + RequestType.INSTANCE_DISKS.code() + "=INSTANCE");
        }
        return all.get(0).name();
    }

    private String instanceIp() throws DiscoveryException {
        List<String> ips = ask(
                "the instance IPs on the default link (type 6)",
                () -> client.instanceIps(null).join(),
                RequestType.NODE_PIP_BY_INSTANCE_IP);
        if (ips.isEmpty()) {
            throw new DiscoveryException("no instance IP on the default link; give one: "
                    + RequestType.NODE_PIP_BY_INSTANCE_IP.code() + "=IP");
        }
        return ips.get(0);
    }

    private static <T> T ask(String what, java.util.function.Supplier<T> call, RequestType forType)
            throws DiscoveryException {
        try {
            return call.get();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DiscoveryException("cannot discover " + what + ": " + cause.getMessage()
                    + " (or give the argument: " + forType.code() + "=ARG)");
        }
    }

    /** The target did not tell what a default argument needs. */
    static final class DiscoveryException extends Exception {

        private static final long serialVersionUID = 1L;

        DiscoveryException(String message) {
            super(message);
        }
    }
}
