package io.ganeticonfd.loadgen;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ganeticonfd.cli.OptionChecks;

/** The totals of a bench run over all sockets, printed as a summary or as one JSON object. */
final class BenchReport {

    private final BenchOptions options;
    private final String target;
    private final String mix;
    private final double measuredSeconds;
    private final double clientCpuSeconds;
    private final Histogram latency = new Histogram(SocketStats.MAX_NANOS, 3);
    private final Histogram lag = new Histogram(SocketStats.MAX_NANOS, 3);
    private long sent;
    private long received;
    private long lost;
    private long unfinished;
    private long bad;
    private long late;
    private long statusOk;
    private long statusError;
    private long refused;
    private String firstBad;
    private String firstError;

    BenchReport(
            BenchOptions options,
            String target,
            String mix,
            List<SocketStats> sockets,
            double measuredSeconds,
            double clientCpuSeconds) {
        this.options = options;
        this.target = target;
        this.mix = mix;
        this.measuredSeconds = measuredSeconds;
        this.clientCpuSeconds = clientCpuSeconds;
        for (SocketStats s : sockets) {
            latency.add(s.latency);
            lag.add(s.lag);
            sent += s.sent;
            received += s.received;
            lost += s.lost;
            unfinished += s.unfinished;
            bad += s.bad;
            late += s.late;
            statusOk += s.statusOk;
            statusError += s.statusError;
            refused += s.sendRefused + s.receiveRefused;
            firstBad = firstBad != null ? firstBad : s.firstBad;
            firstError = firstError != null ? firstError : s.firstError;
        }
    }

    /** Valid replies received in the counted period. */
    long received() {
        return received;
    }

    /** Replies per second over the counted period. */
    double qps() {
        return received / options.durationSeconds();
    }

    /** The report as one JSON object (confdload's field names where they exist). */
    ObjectNode json(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("qps", round1(qps()));
        o.put("sent", sent);
        o.put("recv", received);
        o.put("answered", received);
        o.put("lost", lost);
        o.put("unfinished", unfinished);
        o.put("bad", bad);
        o.put("late", late);
        o.put("status_ok", statusOk);
        o.put("status_err", statusError);
        o.put("refused", refused);
        o.put("p50_us", micros(latency, 50));
        o.put("p90_us", micros(latency, 90));
        o.put("p99_us", micros(latency, 99));
        o.put("p999_us", micros(latency, 99.9));
        o.put("max_us", round1(latency.getMaxValue() / 1e3));
        o.put("mean_us", round1(latency.getTotalCount() == 0 ? 0 : latency.getMean() / 1e3));
        o.put("duration_s", round3(measuredSeconds));
        o.put("warmup_s", options.warmupSeconds());
        o.put("window", options.window());
        o.put("rate", options.rate());
        o.put("threads", options.threads());
        o.put("mix", mix);
        o.put("target", target);
        o.put("timeout_ms", options.timeoutMillis());
        o.put("client_cpu_s", round3(clientCpuSeconds));
        if (options.openLoop()) {
            o.put("send_rate", round1(sent / options.durationSeconds()));
            o.put("sched_lag_p50_us", micros(lag, 50));
            o.put("sched_lag_p99_us", micros(lag, 99));
            o.put("sched_lag_max_us", round1(lag.getMaxValue() / 1e3));
        }
        return o;
    }

    /** Prints the JSON object on one line. */
    void printJson(PrintWriter out, ObjectMapper mapper) {
        try {
            out.println(mapper.writeValueAsString(json(mapper)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints a human-readable summary. */
    void printSummary(PrintWriter out) {
        String loop = options.openLoop()
                ? String.format(
                        Locale.ROOT,
                        "open loop, %s requests/s, at most %d in flight per socket",
                        OptionChecks.text(options.rate()),
                        options.window())
                : "closed loop, window " + options.window() + " per socket";
        out.printf(
                Locale.ROOT,
                "bench %s: %s, %d socket(s), mix %s, %.1f s counted after %.1f s warm-up%n",
                target,
                loop,
                options.threads(),
                mix,
                options.durationSeconds(),
                options.warmupSeconds());
        out.printf(Locale.ROOT, "  qps       %.1f%n", qps());
        out.printf(
                Locale.ROOT,
                "  requests  sent %d, received %d, lost %d, unfinished %d, bad %d, late %d, error replies %d%n",
                sent,
                received,
                lost,
                unfinished,
                bad,
                late,
                statusError);
        out.printf(
                Locale.ROOT,
                "  latency   p50 %.1f us, p90 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us (mean %.1f us)%n",
                micros(latency, 50),
                micros(latency, 90),
                micros(latency, 99),
                micros(latency, 99.9),
                latency.getMaxValue() / 1e3,
                latency.getTotalCount() == 0 ? 0 : latency.getMean() / 1e3);
        if (options.openLoop()) {
            out.printf(
                    Locale.ROOT,
                    "  sending   %.1f requests/s, behind schedule p50 %.1f us, p99 %.1f us, max %.1f us%n",
                    sent / options.durationSeconds(),
                    micros(lag, 50),
                    micros(lag, 99),
                    lag.getMaxValue() / 1e3);
        }
        out.printf(Locale.ROOT, "  client    %.2f CPU s%n", clientCpuSeconds);
    }

    /** One-line notes for stderr: the first bad and the first error reply, refused sends. */
    void printNotes(PrintWriter err) {
        if (firstBad != null) {
            err.println("ganeti-confd bench: first bad reply: " + firstBad);
        }
        if (firstError != null) {
            err.println("ganeti-confd bench: first error reply: " + firstError);
        }
        if (refused > 0) {
            err.println("ganeti-confd bench: " + refused + " ICMP port unreachable (is the server up?)");
        }
    }

    private static double micros(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : round1(h.getValueAtPercentile(percentile) / 1e3);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
