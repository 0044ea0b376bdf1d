package io.ganeticonfd.config;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Runs the parser a few times over a generated mid-sized config, on a low-priority thread after
 * start-up, so that the first large reload runs compiled code instead of the interpreter (a cold
 * JVM takes several times longer for its first 18 MB config).
 */
final class ParserWarmUp {

    private static final int NODES = 200;
    private static final int INSTANCES = 2000;
    private static final int ROUNDS = 12;

    private ParserWarmUp() {
    }

    /**
     * Parses the generated config {@link #ROUNDS} times, hands each snapshot to {@code prepare} (as a
     * reload does before the swap) and fully normalizes it.
     */
    static void run(ConfigParser parser, Consumer<ClusterSnapshot> prepare) {
        byte[] config = generate();
        for (int i = 0; i < ROUNDS; i++) {
            try {
                ClusterSnapshot s = parser.parse(config);
                prepare.accept(s);
                s.completeIndexes();
                s.document().normalizeAll();
            } catch (ConfigException e) {
                throw new IllegalStateException("the warm-up config does not parse: " + e.getMessage());
            }
        }
    }

    static byte[] generate() {
        StringBuilder sb = new StringBuilder(INSTANCES * 700);
        sb.append("{\"version\":3000000,\"serial_no\":1,\"cluster\":{\"cluster_name\":\"warm-up\",\"master_node\":\"n0\",")
                .append("\"serial_no\":1,\"master_ip\":\"192.0.2.254\",\"enabled_hypervisors\":[\"kvm\"],")
                .append("\"nicparams\":{\"default\":{\"link\":\"br0\",\"mode\":\"bridged\"}},\"tags\":[\"b\",\"a\"]},\"nodes\":{");
        for (int n = 0; n < NODES; n++) {
            sb.append(n == 0 ? "" : ",").append("\"n").append(n).append("\":{\"name\":\"node").append(n)
                    .append(".warm.example\",\"primary_ip\":\"192.0.2.").append(n % 250).append("\",\"master_candidate\":")
                    .append(n < 10).append(",\"offline\":false,\"drained\":false,\"serial_no\":").append(n)
                    .append(",\"ndparams\":{},\"ctime\":1500000000.5,\"mtime\":1500000001.25,\"tags\":[\"t\"]}");
        }
        sb.append("},\"disks\":{");
        for (int i = 0; i < INSTANCES; i++) {
            sb.append(i == 0 ? "" : ",").append("\"d").append(i).append("\":{\"dev_type\":\"drbd\",\"logical_id\":[\"n")
                    .append(i % NODES).append("\",\"n").append((i + 1) % NODES).append("\",").append(11000 + i).append(',')
                    .append(i % 20).append(',').append(i % 21).append(",\"secret\"],\"children\":[{\"dev_type\":\"plain\",")
                    .append("\"logical_id\":[\"vg\",\"data\"],\"size\":1024,\"params\":{}}],\"iv_name\":\"disk/0\",")
                    .append("\"size\":1024,\"mode\":\"rw\",\"params\":{},\"uuid\":\"d").append(i).append("\",\"serial_no\":1}");
        }
        sb.append("},\"instances\":{");
        for (int i = 0; i < INSTANCES; i++) {
            sb.append(i == 0 ? "" : ",").append("\"i").append(i).append("\":{\"name\":\"inst").append(i)
                    .append(".warm.example\",\"primary_node\":\"n").append(i % NODES).append("\",\"serial_no\":").append(i)
                    .append(",\"nics\":[{\"ip\":\"198.18.").append(i / 250).append('.').append(i % 250)
                    .append("\",\"mac\":\"aa:00:00:00:00:01\",\"nicparams\":{}}],\"disks\":[\"d").append(i)
                    .append("\"],\"hvparams\":{},\"beparams\":{},\"osparams\":{\"x\":\"y\"},\"tags\":[\"z\",\"a\"],")
                    .append("\"admin_state\":\"up\",\"ctime\":1500000000.125}");
        }
        return sb.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
