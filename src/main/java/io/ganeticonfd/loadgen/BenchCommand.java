package io.ganeticonfd.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.cli.ClientKeyOptions;
import io.ganeticonfd.cli.OptionChecks;
import io.ganeticonfd.client.ConfdClient;
import io.ganeticonfd.client.ConfdClientBuilder;
import io.ganeticonfd.client.Peer;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.PreparedRequest;
import io.ganeticonfd.protocol.RsaltSequence;
import io.quarkus.runtime.annotations.RegisterForReflection;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ganeti-confd bench}: an end-to-end load generator for confd servers (ours, Ganeti's, any
 * wire-compatible one), closed loop or open loop, over one or more sockets. Plain Java; a picocli subcommand.
 */
@Command(
        name = "bench",
        sortOptions = false,
        usageHelpAutoWidth = false,
        customSynopsis = "ganeti-confd bench [OPTIONS]",
        description = {
            "Loads a confd server with signed requests and reports throughput and latency.",
            "Every request has a"
                    + " fresh rsalt and the current timestamp; every reply's salt and HMAC are checked (replies that fail count"
                    + " as bad); requests without a valid reply within --timeout-ms count as lost and are replaced."
        },
        footer = "%nJSON fields: qps, sent, recv (= answered), lost, unfinished (in flight at the end), bad, late,"
                + " status_ok, status_err, refused, p50_us, p90_us, p99_us, p999_us, max_us, mean_us, duration_s, warmup_s,"
                + " window, rate, threads, mix, target, timeout_ms, client_cpu_s; open loop also send_rate and"
                + " sched_lag_{p50,p99,max}_us.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the run got replies",
            "1:no valid reply at all (or the target could not be asked for a default argument)",
            "2:usage error"
        })
@RegisterForReflection
public final class BenchCommand implements Callable<Integer> {

    private static final String PREFIX = "ganeti-confd bench: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(
            names = "--target",
            paramLabel = "HOST:PORT",
            description = "server to load; [v6]:port for IPv6 [127.0.0.1:1814]")
    String target = BenchOptions.DEFAULT_TARGET;

    @Mixin
    ClientKeyOptions key;

    @Option(
            names = "--window",
            paramLabel = "W",
            description = {
                "closed loop: requests kept in flight per socket [16];",
                "with --rate: the cap on requests in flight per socket [4096]"
            })
    Integer window;

    @Option(
            names = "--rate",
            paramLabel = "R",
            description = {
                "open loop: R requests/s in total on a fixed schedule;",
                "latency counts from each request's scheduled send time"
            })
    Double rate;

    @Option(names = "--duration", paramLabel = "S", description = "counted seconds [5]")
    double duration = 5;

    @Option(names = "--warmup", paramLabel = "S", description = "seconds run before counting starts [1]")
    double warmup = 1;

    @Option(names = "--threads", paramLabel = "N", description = "sockets, each with its own thread [1]")
    int threads = 1;

    @Option(
            names = "--mix",
            paramLabel = "SPEC",
            description = {
                "request mix: TYPE[=ARG][:WEIGHT],... [0:100, ping only]",
                "TYPE is a code or name (1, node-role); ARG a string or @JSON; WEIGHT follows the last ':'. Without ARG,"
                        + " node-role, node-drbd and node-instances ask about the master (found with type 3), instance-disks about"
                        + " its first instance, node-pip-by-instance-ip about the first IP on the default link, config about"
                        + " /cluster/cluster_name, instance-ips about the default link.",
                "Presets: ping, mixed (= " + BenchMix.MIXED + ")"
            })
    String mix = BenchMix.DEFAULT;

    @Option(
            names = "--timeout-ms",
            paramLabel = "MS",
            description = "a request without a valid reply after MS is lost [1000]")
    int timeoutMillis = 1000;

    @Option(names = "--json", description = "print one JSON object instead of the summary")
    boolean json;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help")
    boolean help;

    /** Runs the parsed command; returns 0 ran, 1 nothing answered (usage errors are thrown). */
    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        BenchOptions options = options(cl);
        HmacKey hmacKey = key.key(cl);
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        Peer peer;
        List<PreparedRequest> templates;
        BenchMix resolved;
        try {
            peer = Peer.parse(options.target(), ConfdClientBuilder.DEFAULT_PORT);
            resolved = resolve(options, hmacKey, peer);
            templates = templates(resolved);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        } catch (MixDefaults.DiscoveryException | IOException e) {
            err.println(PREFIX + "error: " + e.getMessage());
            return 1;
        }
        try {
            BenchReport report = BenchRun.run(options, hmacKey, peer, resolved, templates, JSON);
            if (options.json()) {
                report.printJson(out, JSON);
            } else {
                report.printSummary(out);
            }
            report.printNotes(err);
            if (report.received() == 0) {
                err.println(PREFIX + "no valid reply from " + peer);
                return 1;
            }
            return 0;
        } catch (IOException e) {
            err.println(PREFIX + "error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(PREFIX + "interrupted");
            return 1;
        }
    }

    /** The options as one checked record; a usage error for a value out of range or a bad mix. */
    BenchOptions options(CommandLine cl) {
        if (window != null) {
            OptionChecks.wholeNumber(cl, "--window", window, 1, BenchOptions.MAX_WINDOW);
        }
        double perSecond = rate == null ? 0 : OptionChecks.number(cl, "--rate", rate, 0.001, 1e8);
        OptionChecks.number(cl, "--duration", duration, 0.001, 86_400);
        OptionChecks.number(cl, "--warmup", warmup, 0, 86_400);
        OptionChecks.wholeNumber(cl, "--threads", threads, 1, 256);
        OptionChecks.wholeNumber(cl, "--timeout-ms", timeoutMillis, 1, 600_000);
        BenchMix parsed;
        try {
            parsed = BenchMix.parse(mix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
        int w = window != null
                ? window
                : perSecond > 0 ? BenchOptions.DEFAULT_OPEN_LOOP_CAP : BenchOptions.DEFAULT_WINDOW;
        return new BenchOptions(
                target,
                key.keyFile(cl),
                key.demo(),
                w,
                perSecond,
                duration,
                warmup,
                threads,
                parsed,
                timeoutMillis,
                json);
    }

    private static BenchMix resolve(BenchOptions o, HmacKey key, Peer target)
            throws IOException, MixDefaults.DiscoveryException {
        if (!MixDefaults.needsDiscovery(o.mix())) {
            return MixDefaults.resolve(o.mix(), null);
        }
        Duration timeout = Duration.ofMillis(Math.max(1000, o.timeoutMillis()));
        try (ConfdClient client = ConfdClient.builder(key)
                .peers(List.of(target.toString()))
                .timeout(timeout)
                .retries(2)
                .build()) {
            return MixDefaults.resolve(o.mix(), client);
        }
    }

    private static List<PreparedRequest> templates(BenchMix mix) {
        List<PreparedRequest> out = new ArrayList<>();
        for (BenchMix.Entry e : mix.entries()) {
            PreparedRequest t = PreparedRequest.of(JSON, e.type(), QueryText.of(e, JSON));
            if (t.maxBytes(RsaltSequence.LENGTH) > ConfdClient.MAX_REQUEST_BYTES) {
                throw new IllegalArgumentException("mix entry " + e.spec()
                        + " makes requests larger than confd's limit of " + ConfdClient.MAX_REQUEST_BYTES + " bytes");
            }
            out.add(t);
        }
        return out;
    }
}
