package io.ganeticonfd.loadgen;

/** The {@code --help} text of {@code ganeti-confd bench}. */
final class BenchUsage {

    static final String TEXT = """
            Usage: ganeti-confd bench [OPTIONS]

            Loads a confd server with signed requests and reports throughput and latency. Every
            request has a fresh rsalt and the current timestamp; every reply's salt and HMAC are
            checked (replies that fail count as bad); requests without a valid reply within
            --timeout-ms count as lost and are replaced.

            Options:
              --target HOST:PORT   server to load; [v6]:port for IPv6 [127.0.0.1:1814]
              --hmac-key-file F    HMAC key file [/var/lib/ganeti/hmac.key]
              --demo               use the bundled DEMO key (for a daemon started with --demo)
              --window W           closed loop: requests kept in flight per socket [16];
                                   with --rate: the cap on requests in flight per socket [4096]
              --rate R             open loop: R requests/s in total on a fixed schedule; latency
                                   counts from each request's scheduled send time
              --duration S         counted seconds [5]
              --warmup S           seconds run before counting starts [1]
              --threads N          sockets, each with its own thread [1]
              --mix SPEC           request mix: TYPE[=ARG][:WEIGHT],... [0:100, ping only]
                                   TYPE is a code or name (1, node-role); ARG a string or @JSON;
                                   WEIGHT follows the last ':'. Without ARG, node-role, node-drbd
                                   and node-instances ask about the master (found with type 3),
                                   instance-disks about its first instance, node-pip-by-instance-ip
                                   about the first IP on the default link, config about
                                   /cluster/cluster_name, instance-ips about the default link.
                                   Presets: ping, mixed (= 0:20,3:10,1:30,10:30,5:10)
              --timeout-ms MS      a request without a valid reply after MS is lost [1000]
              --json               print one JSON object instead of the summary
              -h, --help           show this help

            JSON fields: qps, sent, recv (= answered), lost, unfinished (in flight at the end),
            bad, late, status_ok, status_err, refused, p50_us, p90_us, p99_us, p999_us, max_us,
            mean_us, duration_s, warmup_s, window, rate, threads, mix, target, timeout_ms,
            client_cpu_s; open loop also send_rate and sched_lag_{p50,p99,max}_us.

            Exit status: 0 the run got replies; 1 no valid reply at all (or the target could not
            be asked for a default argument); 2 usage error.
            """;

    private BenchUsage() {
    }
}
