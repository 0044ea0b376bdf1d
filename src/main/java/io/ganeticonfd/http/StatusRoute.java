package io.ganeticonfd.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.server.Version;
import io.ganeticonfd.config.CacheStatus;
import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigCache;
import io.ganeticonfd.config.ConfigSettings;
import io.ganeticonfd.server.DaemonLifecycle;
import io.quarkus.vertx.web.Route;

/** {@code GET /status}: what is served, from where, since when, and how reloads went. Never the key. */
@ApplicationScoped
public class StatusRoute {

    private final ConfigCache cache;
    private final DaemonLifecycle lifecycle;
    private final ConfigSettings settings;
    private final ObjectMapper mapper;

    @Inject
    public StatusRoute(ConfigCache cache, DaemonLifecycle lifecycle, ConfigSettings settings, ObjectMapper mapper) {
        this.cache = cache;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.mapper = mapper;
    }

    @Route(path = "/status", methods = Route.HttpMethod.GET, produces = "application/json")
    String status() throws JsonProcessingException {
        return mapper.writeValueAsString(document(cache.status(), Instant.now()));
    }

    StatusDocument document(CacheStatus s, Instant now) {
        ClusterSnapshot snap = s.snapshot();
        Map<String, Long> reloads = new LinkedHashMap<>();
        s.reloads().forEach((o, n) -> reloads.put(o.tag(), n));
        var meta = s.meta();
        StatusDocument.ConfigFile file = new StatusDocument.ConfigFile(String.valueOf(s.configFile()),
                meta == null || !meta.stamp().exists() ? null : Instant.ofEpochSecond(0, meta.stamp().mtimeNanos()),
                meta == null ? null : meta.bytes(), !s.fileBroken(), s.fileNewerThanSnapshot(), s.watchMode().tag());
        StatusDocument.HmacKeyInfo key = new StatusDocument.HmacKeyInfo(String.valueOf(s.keyFile()), s.keyFingerprint(),
                s.previousKeyFingerprint(), s.previousKeyUntil(), s.keyError(), s.keyRotations());
        StatusDocument.Udp udp = new StatusDocument.Udp(lifecycle.udpBound(), lifecycle.udpAddress(), lifecycle.udpPort());
        Instant started = lifecycle.startedAt();
        return new StatusDocument(Version.current(), snap != null,
                snap == null ? null : snap.cluster().clusterSerial(),
                snap == null ? null : snap.cluster().fileSerial(),
                snap == null ? null : snap.cluster().version(),
                snap == null ? null : snap.cluster().name(),
                snap == null || snap.cluster().master() == null ? null : snap.cluster().master().name(),
                snap == null ? null : snap.nodes().size(),
                snap == null ? null : snap.instances().size(),
                file,
                meta == null ? null : meta.loadedAt(),
                meta == null ? null : Duration.between(meta.loadedAt(), now).toMillis() / 1000.0,
                reloads,
                s.lastOutcome() == null ? null : s.lastOutcome().tag(),
                s.lastError(), s.lastErrorAt(), key, udp,
                started == null ? 0 : Duration.between(started, now).toMillis() / 1000.0,
                settings.redactPrivate());
    }
}
