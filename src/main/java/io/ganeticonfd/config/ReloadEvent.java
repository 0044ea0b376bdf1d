package io.ganeticonfd.config;

/** One reload attempt of config.data, for metrics: its outcome, the work it took, and the snapshot served after it. */
public record ReloadEvent(ReloadOutcome outcome, long nanos, ClusterSnapshot snapshot) {}
