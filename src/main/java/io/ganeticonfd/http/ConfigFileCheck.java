package io.ganeticonfd.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.ganeticonfd.config.CacheStatus;
import io.ganeticonfd.config.ConfigCache;
import io.smallrye.health.api.Wellness;

/**
 * The configuration file on disk: DOWN while it fails to load or is newer than the snapshot
 * served; shown at {@code /q/health/well} so that it never fails the Kubernetes probes.
 */
@Wellness
@ApplicationScoped
public class ConfigFileCheck implements HealthCheck {

    private final ConfigCache cache;

    @Inject
    public ConfigFileCheck(ConfigCache cache) {
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        CacheStatus s = cache.status();
        boolean up = !s.fileBroken() && !s.fileNewerThanSnapshot() && s.serving();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("config-file").status(up)
                .withData("file", String.valueOf(s.configFile()));
        if (s.serving()) {
            b.withData("servedSerial", s.snapshot().cluster().clusterSerial());
        }
        if (s.fileBroken() && s.lastError() != null) {
            b.withData("error", s.lastError());
        }
        if (s.fileNewerThanSnapshot()) {
            b.withData("pending", "the file changed after the served snapshot was loaded");
        }
        return b.build();
    }
}
