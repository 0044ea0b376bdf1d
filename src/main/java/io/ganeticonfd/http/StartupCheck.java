package io.ganeticonfd.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import io.ganeticonfd.server.DaemonLifecycle;

/** Started once the UDP sockets are bound. */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    private final DaemonLifecycle lifecycle;

    @Inject
    public StartupCheck(DaemonLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("udp-listener")
                .status(lifecycle.udpBound())
                .withData("port", lifecycle.udpPort())
                .build();
    }
}
