package io.ganeticonfd.loadgen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.client.Peer;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.PreparedRequest;

/** One load run: its sockets and threads started together, counted from the end of the warm-up, then closed. */
final class BenchRun {

    private BenchRun() {}

    /** Runs the load {@code o} describes against {@code target}, one thread and socket per {@code --threads}. */
    static BenchReport run(
            BenchOptions o, HmacKey key, Peer target, BenchMix mix, List<PreparedRequest> templates, ObjectMapper json)
            throws IOException, InterruptedException {
        double[] cumulative = new double[mix.entries().size()];
        double acc = 0;
        for (int i = 0; i < cumulative.length; i++) {
            acc += mix.entries().get(i).weight();
            cumulative[i] = acc;
        }
        int nonce = new SecureRandom().nextInt();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long countedFrom = start + seconds(o.warmupSeconds());
        BenchWorker.Plan plan = new BenchWorker.Plan(
                start,
                countedFrom,
                countedFrom + seconds(o.durationSeconds()),
                TimeUnit.MILLISECONDS.toNanos(o.timeoutMillis()));
        List<SocketStats> stats = new ArrayList<>();
        List<BenchSocket> sockets = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        IOException[] failure = new IOException[1];
        try {
            for (int i = 0; i < o.threads(); i++) {
                SocketStats s = new SocketStats();
                InFlightTable table = new InFlightTable(o.window());
                BenchSocket socket = new BenchSocket(
                        i, nonce, target.address(), templates, cumulative, key, json, table, s, countedFrom);
                sockets.add(socket);
                stats.add(s);
                BenchWorker worker = new BenchWorker(socket, table, s, plan, o.window(), o.rate() / o.threads());
                threads.add(new Thread(
                        () -> {
                            try {
                                worker.run();
                            } catch (IOException e) {
                                synchronized (failure) {
                                    failure[0] = e;
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "bench-" + i));
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
