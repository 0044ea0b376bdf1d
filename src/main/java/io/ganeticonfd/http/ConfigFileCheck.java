package io.ganeticonfd.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigReloader;
import io.ganeticonfd.config.ReloadStatus;
import io.ganeticonfd.config.ServedConfig;
import io.ganeticonfd.query.PreparedAnswers;
import io.smallrye.health.api.Wellness;

/**
 * The configuration file on disk: DOWN while it fails to load or is newer than the snapshot
 * served; shown at {@code /q/health/well} so that it never fails the Kubernetes probes.
 */
@Wellness
@ApplicationScoped
public class ConfigFileCheck implements HealthCheck {

    private final ConfigReloader<PreparedAnswers> reloader;
    private final ServedConfig<PreparedAnswers> served;

    @Inject
    public ConfigFileCheck(ConfigReloader<PreparedAnswers> reloader, ServedConfig<PreparedAnswers> served) {
        this.reloader = reloader;
        this.served = served;
    }

    @Override
    public HealthCheckResponse call() {
        ClusterSnapshot snapshot = served.snapshot();
        ReloadStatus s = reloader.status();
        boolean up = !s.fileBroken() && !s.fileNewerThanSnapshot() && snapshot != null;
        HealthCheckResponseBuilder b =
                HealthCheckResponse.named("config-file").status(up).withData("file", String.valueOf(s.configFile()));
        if (snapshot != null) {
            b.withData("servedSerial", snapshot.cluster().clusterSerial());
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
