package io.ganeticonfd.client;

import java.time.Duration;

/** The settings of one data collector in a DATA_COLLECTORS answer. */
public record DataCollector(boolean active, Duration interval) {}
