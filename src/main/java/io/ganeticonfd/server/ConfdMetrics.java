package io.ganeticonfd.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigReloader;
import io.ganeticonfd.config.ReloadOutcome;
import io.ganeticonfd.config.ServedConfig;
import io.ganeticonfd.config.SnapshotMeta;
import io.ganeticonfd.protocol.RejectReason;
import io.ganeticonfd.protocol.ReplyStatus;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.query.PreparedAnswers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * The daemon's Prometheus meters, created once: requests by type and status, drops by reason,
 * reply sizes, request latency, and the configuration's serial, age and reloads.
 */
@Startup
@Singleton
public class ConfdMetrics {

    private final Map<RequestType, Counter> ok = new EnumMap<>(RequestType.class);
    private final Map<RequestType, Counter> error = new EnumMap<>(RequestType.class);
    private final Map<RejectReason, Counter> drops = new EnumMap<>(RejectReason.class);
    private final Counter oversize;
    private final DistributionSummary replyBytes;
    private final Timer latency;
    private final Map<ReloadOutcome, Timer> reloadDuration = new EnumMap<>(ReloadOutcome.class);
    private final boolean perRequest;

    @Inject
    public ConfdMetrics(
            MeterRegistry registry,
            ConfigReloader<PreparedAnswers> reloader,
            ServedConfig<PreparedAnswers> served,
            DaemonSettings settings) {
        this.perRequest = settings.requestMetrics();
        for (RequestType t : RequestType.values()) {
            ok.put(t, requests(registry, t, "ok"));
            error.put(t, requests(registry, t, "error"));
        }
        for (RejectReason r : RejectReason.values()) {
            drops.put(
                    r,
                    Counter.builder("confd.drops")
                            .description("Datagrams dropped without a reply, by reason")
                            .tag("reason", r.tag())
                            .register(registry));
        }
        oversize = Counter.builder("confd.oversize.replies")
                .description("Answers too large for one datagram, replaced by an error reply")
                .register(registry);
        replyBytes = DistributionSummary.builder("confd.reply.size")
                .baseUnit("bytes")
                .description("Size of reply datagrams")
                .register(registry);
        latency = Timer.builder("confd.request.duration")
                .description("Time from datagram read to reply sent")
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofNanos(5_000))
                .maximumExpectedValue(java.time.Duration.ofMillis(100))
                .register(registry);
        for (ReloadOutcome o : ReloadOutcome.values()) {
            reloadDuration.put(
                    o,
                    Timer.builder("confd.reload.duration")
                            .description("Reload attempts, by result")
                            .tag("result", o.tag())
                            .register(registry));
            FunctionCounter.builder(
                            "confd.reloads", reloader, r -> r.status().reloads().get(o))
                    .description("Reload attempts of config.data, by result")
                    .tag("result", o.tag())
                    .register(registry);
        }
        Gauge.builder("confd.config.serial", served, s -> serial(s.snapshot()))
                .description("Cluster serial being served")
                .register(registry);
        Gauge.builder("confd.snapshot.age", served, s -> ageSeconds(s.served().meta()))
                .baseUnit("seconds")
                .description("Time since the served snapshot was loaded")
                .register(registry);
        Gauge.builder("confd.config.file.ok", reloader, r -> r.status().fileBroken() ? 0 : 1)
                .description("1 when the configuration file on disk loads, 0 while it is broken")
                .register(registry);
        Gauge.builder("confd.snapshot.loaded", served, s -> s.snapshot() != null ? 1 : 0)
                .description("1 when a configuration snapshot is served")
                .register(registry);
        FunctionCounter.builder(
                        "confd.key.rotations", reloader, r -> r.keyStatus().rotations())
                .description("HMAC key changes picked up")
                .register(registry);
        reloader.addReloadListener(e -> reloadDuration.get(e.outcome()).record(e.nanos(), TimeUnit.NANOSECONDS));
    }

    /** Counts one answered request. */
    public void replied(RequestType type, ReplyStatus status, int bytes, long nanos, boolean tooLarge) {
        if (!perRequest) {
            return;
        }
        (status == ReplyStatus.OK ? ok : error).get(type).increment();
        replyBytes.record(bytes);
        latency.record(nanos, TimeUnit.NANOSECONDS);
        if (tooLarge) {
            oversize.increment();
        }
    }

    /** Counts one dropped datagram. */
    public void dropped(RejectReason reason) {
        if (!perRequest) {
            return;
        }
        drops.get(reason).increment();
    }

    private static Counter requests(MeterRegistry registry, RequestType type, String status) {
        return Counter.builder("confd.requests")
                .description("Requests answered, by type and reply status")
                .tag("type", type.cliName())
                .tag("status", status)
                .register(registry);
    }

    private static double serial(ClusterSnapshot s) {
        return s != null ? s.cluster().clusterSerial() : Double.NaN;
    }

    private static double ageSeconds(SnapshotMeta meta) {
        return meta == null
                ? Double.NaN
                : (System.currentTimeMillis() - meta.loadedAt().toEpochMilli()) / 1000.0;
    }
}
