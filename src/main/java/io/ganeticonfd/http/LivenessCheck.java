package io.ganeticonfd.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.ganeticonfd.server.DaemonLifecycle;
import io.ganeticonfd.server.EventLoopHeartbeats;

/** Live while every UDP event loop keeps ticking (a blocked loop answers nothing). */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    /** A loop silent for longer than this is considered blocked. */
    static final long MAX_SILENCE_MILLIS = 10_000;

    private final DaemonLifecycle lifecycle;

    @Inject
    public LivenessCheck(DaemonLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        EventLoopHeartbeats beats = lifecycle.heartbeats();
        long silence = beats.oldestBeatAgeMillis();
        return HealthCheckResponse.named("event-loops")
                .status(silence <= MAX_SILENCE_MILLIS)
                .withData("loops", beats.loops())
                .withData("oldestTickAgeMillis", silence)
                .build();
    }
}
