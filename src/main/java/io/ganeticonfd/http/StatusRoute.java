package io.ganeticonfd.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.config.ClusterInfo;
import io.ganeticonfd.config.ConfigReloader;
import io.ganeticonfd.config.ConfigSettings;
import io.ganeticonfd.config.KeyStatus;
import io.ganeticonfd.config.ReloadStatus;
import io.ganeticonfd.config.ServedConfig;
import io.ganeticonfd.config.SnapshotMeta;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.server.DaemonLifecycle;
import io.ganeticonfd.server.Version;
import io.quarkus.vertx.web.Route;

/** {@code GET /status}: what is served, from where, since when, and how reloads went. Never the key. */
@ApplicationScoped
public class StatusRoute {

    private final ServedConfig<PreparedAnswers> served;
    private final ConfigReloader<PreparedAnswers> reloader;
    private final DaemonLifecycle lifecycle;
    private final ConfigSettings settings;
    private final ObjectMapper mapper;

    @Inject
    public StatusRoute(
            ServedConfig<PreparedAnswers> served,
            ConfigReloader<PreparedAnswers> reloader,
            DaemonLifecycle lifecycle,
            ConfigSettings settings,
            ObjectMapper mapper) {
        this.served = served;
        this.reloader = reloader;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.mapper = mapper;
    }

    @Route(path = "/status", methods = Route.HttpMethod.GET, produces = "application/json")
    String status() throws JsonProcessingException {
        return mapper.writeValueAsString(
                document(served.served(), reloader.status(), reloader.keyStatus(), Instant.now()));
    }

    StatusDocument document(ServedConfig.Served<?> s, ReloadStatus r, KeyStatus k, Instant now) {
        Map<String, Long> reloads = new LinkedHashMap<>();
        r.reloads().forEach((o, n) -> reloads.put(o.tag(), n));
        SnapshotMeta meta = s.meta();
        StatusDocument.ConfigFile file = new StatusDocument.ConfigFile(
                String.valueOf(r.configFile()),
                meta == null || !meta.stamp().exists()
                        ? null
                        : Instant.ofEpochSecond(0, meta.stamp().mtimeNanos()),
                meta == null ? null : meta.bytes(),
                !r.fileBroken(),
                r.fileNewerThanSnapshot(),
                r.watchMode().tag());
        StatusDocument.HmacKeyInfo key = new StatusDocument.HmacKeyInfo(
                String.valueOf(k.keyFile()),
                k.fingerprint(),
                k.previousFingerprint(),
                k.previousUntil(),
                k.error(),
                k.rotations());
        StatusDocument.Udp udp =
                new StatusDocument.Udp(lifecycle.udpBound(), lifecycle.udpAddress(), lifecycle.udpPort());
        Instant started = lifecycle.startedAt();
        boolean serving = s.snapshot() != null;
        ClusterInfo cluster = serving ? s.snapshot().cluster() : null;
        return new StatusDocument(
                Version.current(),
                serving,
                serving ? cluster.clusterSerial() : null,
                serving ? cluster.fileSerial() : null,
                serving ? cluster.version() : null,
                serving ? cluster.name() : null,
                serving && cluster.master() != null ? cluster.master().name() : null,
                serving ? s.snapshot().nodes().size() : null,
                serving ? s.snapshot().instances().size() : null,
                file,
                meta == null ? null : meta.loadedAt(),
                meta == null ? null : Duration.between(meta.loadedAt(), now).toMillis() / 1000.0,
                reloads,
                r.lastOutcome() == null ? null : r.lastOutcome().tag(),
                r.lastError(),
                r.lastErrorAt(),
                key,
                udp,
                started == null ? 0 : Duration.between(started, now).toMillis() / 1000.0,
                settings.redactPrivate());
    }
}
