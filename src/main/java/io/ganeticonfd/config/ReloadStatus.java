package io.ganeticonfd.config;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The state of config.data for health, status and metrics: whether it loads, whether it changed
 * after the served snapshot was loaded, the last failure, reload counts and how changes are noticed.
 */
public record ReloadStatus(
        Path configFile,
        boolean fileBroken,
        boolean fileNewerThanSnapshot,
        String lastError,
        Instant lastErrorAt,
        ReloadOutcome lastOutcome,
        Map<ReloadOutcome, Long> reloads,
        WatchMode watchMode) {}
