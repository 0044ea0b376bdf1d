package io.ganeticonfd.config;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A consistent picture of the cache for health, status and metrics: the served snapshot (null if
 * none) and its origin, the state of the file on disk, reload counts, and the keys in use.
 */
public record CacheStatus(Path configFile, ClusterSnapshot snapshot, SnapshotMeta meta, boolean fileBroken,
        boolean fileNewerThanSnapshot, String lastError, Instant lastErrorAt, ReloadOutcome lastOutcome,
        Map<ReloadOutcome, Long> reloads, WatchMode watchMode, Path keyFile, String keyFingerprint,
        String previousKeyFingerprint, Instant previousKeyUntil, String keyError, long keyRotations) {

    /** Whether a snapshot is being served. */
    public boolean serving() {
        return snapshot != null;
    }
}
