import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.ganeticonfd.client.ConfdClient;
import io.ganeticonfd.protocol.HmacKey;

/**
 * Asks confd daemons who the master is and that node's role, with only the client jar and Jackson:
 * java -cp ganeti-confd-client-VERSION.jar:jackson-databind.jar:jackson-core.jar:jackson-annotations.jar \
 *      ClientExample.java KEY_FILE PEER [PEER...]        (PEER: host, host:port or [IPv6]:port)
 */
public class ClientExample {
    public static void main(String[] args) throws Exception {
        HmacKey key = HmacKey.of(Files.readAllBytes(Path.of(args[0])));
        String[] peers = java.util.Arrays.copyOfRange(args, 1, args.length);
        try (ConfdClient confd = ConfdClient.builder(key)
                .peers(peers)
                .timeout(Duration.ofSeconds(5))
                .build()) {
            String master = confd.clusterMaster().join(); // the highest serial's answer wins
            System.out.println("master: " + master);
            System.out.println("role: " + confd.nodeRole(master).join());
        }
    }
}
