package io.ganeticonfd.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.config.ConfigReloader;
import io.ganeticonfd.config.ServedConfig;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.server.DaemonLifecycle;

/** Ready when the UDP sockets are bound and a configuration snapshot is served. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private final DaemonLifecycle lifecycle;
    private final ConfigReloader<PreparedAnswers> reloader;
    private final ServedConfig<PreparedAnswers> served;

    @Inject
    public ReadinessCheck(
            DaemonLifecycle lifecycle, ConfigReloader<PreparedAnswers> reloader, ServedConfig<PreparedAnswers> served) {
        this.lifecycle = lifecycle;
        this.reloader = reloader;
        this.served = served;
    }

    @Override
    public HealthCheckResponse call() {
        ClusterSnapshot snapshot = served.snapshot();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("confd-serving")
                .status(lifecycle.udpBound() && snapshot != null)
                .withData("udpBound", lifecycle.udpBound())
                .withData("snapshot", snapshot != null);
        if (snapshot != null) {
            b.withData("serial", snapshot.cluster().clusterSerial());
        } else {
            String error = reloader.status().lastError();
            if (error != null) {
                b.withData("error", error);
            }
        }
        return b.build();
    }
}
