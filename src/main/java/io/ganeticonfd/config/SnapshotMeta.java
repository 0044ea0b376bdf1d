package io.ganeticonfd.config;

import java.time.Instant;

/** Where and when the served snapshot came from. */
public record SnapshotMeta(FileStamp stamp, long checksum, long bytes, long loadNanos, Instant loadedAt) {}
