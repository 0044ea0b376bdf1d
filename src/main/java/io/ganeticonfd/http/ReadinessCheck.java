package io.ganeticonfd.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.ganeticonfd.config.CacheStatus;
import io.ganeticonfd.config.ConfigCache;
import io.ganeticonfd.server.DaemonLifecycle;

/** Ready when the UDP sockets are bound and a configuration snapshot is served. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private final DaemonLifecycle lifecycle;
    private final ConfigCache cache;

    @Inject
    public ReadinessCheck(DaemonLifecycle lifecycle, ConfigCache cache) {
        this.lifecycle = lifecycle;
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        CacheStatus s = cache.status();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("confd-serving")
                .status(lifecycle.udpBound() && s.serving()).withData("udpBound", lifecycle.udpBound())
                .withData("snapshot", s.serving());
        if (s.serving()) {
            b.withData("serial", s.snapshot().cluster().clusterSerial());
        } else if (s.lastError() != null) {
            b.withData("error", s.lastError());
        }
        return b.build();
    }
}
