package io.ganeticonfd.daemon;

import jakarta.inject.Inject;

import io.ganeticonfd.server.DaemonLifecycle;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/** The running daemon: waits for shutdown, or exits 1 when start-up failed (already logged in one line). */
public class ConfdApplication implements QuarkusApplication {

    @Inject
    DaemonLifecycle lifecycle;

    @Override
    public int run(String... args) {
        if (lifecycle.failedToStart()) {
            return 1;
        }
        Quarkus.waitForExit();
        return 0;
    }
}
