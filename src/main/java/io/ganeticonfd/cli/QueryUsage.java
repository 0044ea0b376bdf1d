package io.ganeticonfd.cli;

/** The {@code --help} text of {@code ganeti-confd query}. */
final class QueryUsage {

    static final String TEXT = """
            Usage: ganeti-confd query [OPTIONS] TYPE [ARG]
                   ganeti-confd query [OPTIONS] --selftest

            Asks confd servers one question and prints the newest answer (highest serial).

            Request types (by name or number):
              0  ping                        config version (liveness)
              1  node-role NODE              role: master, candidate, offline, drained or regular
              2  node-pip-by-instance-ip IP [--link LINK]
                                             primary IP of the node running the instance with IP
              3  master [--fields F,...]     master node name; fields: 0|name, 1|master-ip, 2|node-primary-ip
              4  node-pips                   primary IPs of all nodes
              5  mc-pips                     primary IPs of the master candidates
              6  instance-ips [LINK]         instance IPs on LINK (default: the cluster's default link)
              7  node-drbd NODE              DRBD minors of a node
              8  node-instances NODE         primary and secondary instances of a node
              9  instance-disks INSTANCE     disks of an instance
             10  config POINTER              config value at a JSON pointer, e.g. /cluster/cluster_name
             11  data-collectors             data collector settings
            NODE and INSTANCE are names, unique short names or UUIDs.

            Options:
              --peers A,B,...      servers to ask: host, host:port, [v6] or [v6]:port [127.0.0.1]
              --port N             port of peers given without one [1814]
              --hmac-key-file F    HMAC key file [/var/lib/ganeti/hmac.key]
              --demo               use the bundled DEMO key (for a daemon started with --demo)
              --timeout S          seconds to wait for replies [2]
              --coverage N         peers asked per request [all peers, at most 6]
              --retries N          re-sends when replies are missing at the timeout [0]
              --json               print the request, every peer's reply and the chosen one as JSON
              --selftest           run the checks of Ganeti's confd-client tool, each timed
              --requests N         requests per timing check of --selftest [100; 0 skips them]
              -h, --help           show this help

            Exit status: 0 answered; 1 no reply, an error answer or a failed self-test check;
            2 usage error.
            """;

    private QueryUsage() {
    }
}
