package io.ganeticonfd.config;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The HMAC keys in use, by fingerprint only: the current one, the previous one while it is still
 * accepted, the key file's last error and how many changes were picked up.
 */
public record KeyStatus(
        Path keyFile,
        String fingerprint,
        String previousFingerprint,
        Instant previousUntil,
        String error,
        long rotations) {}
