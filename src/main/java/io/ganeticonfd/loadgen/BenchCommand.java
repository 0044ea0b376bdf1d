package io.ganeticonfd.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.client.ConfdClient;
import io.ganeticonfd.client.ConfdClientBuilder;
import io.ganeticonfd.client.HmacKeyFile;
import io.ganeticonfd.client.Peer;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.PreparedRequest;
import io.ganeticonfd.protocol.RsaltSequence;

/**
 * {@code ganeti-confd bench}: an end-to-end load generator for confd servers (ours, Ganeti's, any
 * wire-compatible one), closed loop or open loop, over one or more sockets. Plain Java.
 */
public final class BenchCommand {

    private static final String PREFIX = "ganeti-confd bench: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchCommand() {
    }

    /** Runs the command with the arguments after {@code bench}; returns 0 ran, 1 nothing answered, 2 usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        HmacKey key;
        Peer target;
        try {
            options = BenchOptions.parse(args);
            if (options.help()) {
                out.print(BenchUsage.TEXT);
                return 0;
            }
            key = HmacKeyFile.load(options.demo(), options.keyFile());
            target = Peer.parse(options.target(), ConfdClientBuilder.DEFAULT_PORT);
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + "error: " + e.getMessage() + " (see --help)");
            return 2;
        }
        try {
            BenchMix mix = resolve(options, key, target);
            List<PreparedRequest> templates = templates(mix);
            BenchReport report = load(options, key, target, mix, templates);
            if (options.json()) {
                report.printJson(out, JSON);
            } else {
                report.printSummary(out);
            }
            report.printNotes(err);
            if (report.received() == 0) {
                err.println(PREFIX + "no valid reply from " + target);
                return 1;
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + "error: " + e.getMessage() + " (see --help)");
            return 2;
        } catch (MixDefaults.DiscoveryException e) {
            err.println(PREFIX + "error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println(PREFIX + "error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(PREFIX + "interrupted");
            return 1;
        }
    }

    private static BenchMix resolve(BenchOptions o, HmacKey key, Peer target)
            throws IOException, MixDefaults.DiscoveryException {
        if (!MixDefaults.needsDiscovery(o.mix())) {
            return MixDefaults.resolve(o.mix(), null);
        }
        Duration timeout = Duration.ofMillis(Math.max(1000, o.timeoutMillis()));
        try (ConfdClient client = ConfdClient.builder(key).peers(List.of(target.toString())).timeout(timeout)
                .retries(2).build()) {
            return MixDefaults.resolve(o.mix(), client);
        }
    }

    private static List<PreparedRequest> templates(BenchMix mix) {
        List<PreparedRequest> out = new ArrayList<>();
        for (BenchMix.Entry e : mix.entries()) {
            PreparedRequest t = PreparedRequest.of(JSON, e.type(), QueryText.of(e, JSON));
            if (t.maxBytes(RsaltSequence.LENGTH) > ConfdClient.MAX_REQUEST_BYTES) {
                throw new IllegalArgumentException("mix entry " + e.spec() + " makes requests larger than confd's limit of "
                        + ConfdClient.MAX_REQUEST_BYTES + " bytes");
            }
            out.add(t);
        }
        return out;
    }

    private static BenchReport load(BenchOptions o, HmacKey key, Peer target, BenchMix mix,
            List<PreparedRequest> templates) throws IOException, InterruptedException {
        double[] cumulative = new double[mix.entries().size()];
        double acc = 0;
        for (int i = 0; i < cumulative.length; i++) {
            acc += mix.entries().get(i).weight();
            cumulative[i] = acc;
        }
        int nonce = new SecureRandom().nextInt();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long countedFrom = start + seconds(o.warmupSeconds());
        BenchWorker.Plan plan = new BenchWorker.Plan(start, countedFrom, countedFrom + seconds(o.durationSeconds()),
                TimeUnit.MILLISECONDS.toNanos(o.timeoutMillis()));
        List<SocketStats> stats = new ArrayList<>();
        List<BenchSocket> sockets = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        IOException[] failure = new IOException[1];
        try {
            for (int i = 0; i < o.threads(); i++) {
                SocketStats s = new SocketStats();
                InFlightTable table = new InFlightTable(o.window());
                BenchSocket socket = new BenchSocket(i, nonce, target.address(), templates, cumulative, key, JSON, table, s,
                        countedFrom);
                sockets.add(socket);
                stats.add(s);
                BenchWorker worker = new BenchWorker(socket, table, s, plan, o.window(), o.rate() / o.threads());
                threads.add(new Thread(() -> {
                    try {
                        worker.run();
                    } catch (IOException e) {
                        synchronized (failure) {
                            failure[0] = e;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "bench-" + i));
            }
            threads.forEach(Thread::start);
            BenchWorker.sleepUntil(countedFrom);
            double cpu0 = processCpuSeconds();
            for (Thread t : threads) {
                t.join();
            }
            double cpu1 = processCpuSeconds();
            double measured = (System.nanoTime() - countedFrom) / 1e9;
            synchronized (failure) {
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
            return new BenchReport(o, target.toString(), mix.spec(), stats, measured, cpu1 - cpu0);
        } finally {
            for (BenchSocket s : sockets) {
                s.close();
            }
        }
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
    }
}
