package io.ganeticonfd.loadgen;

import java.nio.file.Path;

import io.ganeticonfd.client.ConfdClientBuilder;

/**
 * The checked {@code bench} command line. {@code window} is per socket: the requests kept in flight
 * (closed loop) or the cap on them (open loop, {@code rate > 0}, requests per second in total).
 */
record BenchOptions(
        String target,
        Path keyFile,
        boolean demo,
        int window,
        double rate,
        double durationSeconds,
        double warmupSeconds,
        int threads,
        BenchMix mix,
        int timeoutMillis,
        boolean json) {

    static final String DEFAULT_TARGET = "127.0.0.1:" + ConfdClientBuilder.DEFAULT_PORT;
    static final int DEFAULT_WINDOW = 16;
    static final int DEFAULT_OPEN_LOOP_CAP = 4096;
    static final int MAX_WINDOW = 65_536;

    /** Whether this is an open-loop run. */
    boolean openLoop() {
        return rate > 0;
    }
}
