package io.ganeticonfd.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.ganeticonfd.protocol.KeyRing;
import io.quarkus.logging.Log;

/**
 * Loads {@code hmac.key} into the {@link ServedConfig}: once at start-up, then on each change,
 * rotating to a new key while the previous one is accepted for the grace period, and keeping the
 * current key when the file breaks. Used by the {@link ConfigReloader}'s thread (and at start-up).
 */
final class KeyFileLoader {

    private final Path file;
    private final Duration grace;
    private final ServedConfig<?> served;
    private final Clock clock;
    private final AtomicLong rotations = new AtomicLong();
    private volatile String error;

    KeyFileLoader(Path file, Duration grace, ServedConfig<?> served, Clock clock) {
        this.file = file;
        this.grace = grace;
        this.served = served;
        this.clock = clock;
    }

    Path file() {
        return file;
    }

    /** Loads the key at start-up; returns the one-line error when there is no usable key. */
    String loadInitial() {
        KeyFile.Read read = KeyFile.read(file);
        if (read.key() == null) {
            error = read.error();
            return "Cannot read HMAC key file " + file + ": " + read.error();
        }
        served.keys(KeyRing.of(read.key()));
        warnIfExposed();
        Log.infof("Loaded HMAC key from %s (fingerprint %s)", file, read.key().fingerprint());
        return null;
    }

    /** Re-reads the key file after a change: rotates to a new key, keeping the old one for the grace period. */
    void reload() {
        KeyFile.Read read = KeyFile.read(file);
        if (read.key() == null) {
            error = read.error();
            Log.warnf("HMAC key file %s unusable (%s); keeping the current key", file, read.error());
            return;
        }
        error = null;
        KeyRing current = served.keys();
        if (current != null && read.key().sameBytes(current.current())) {
            return;
        }
        long graceUntil = clock.instant().plus(grace).getEpochSecond();
        served.keys(current == null ? KeyRing.of(read.key()) : current.rotateTo(read.key(), graceUntil));
        rotations.incrementAndGet();
        warnIfExposed();
        Log.infof(
                "HMAC key rotated to %s; the previous key is accepted for %ss more",
                read.key().fingerprint(), grace.toSeconds());
    }

    /** The keys in use, by fingerprint. */
    KeyStatus status() {
        KeyRing k = served.keys();
        boolean previousActive = k != null && k.previousActive(clock.instant().getEpochSecond());
        return new KeyStatus(
                file,
                k == null ? null : k.current().fingerprint(),
                previousActive ? k.previous().fingerprint() : null,
                previousActive ? Instant.ofEpochSecond(k.previousUntilSeconds()) : null,
                error,
                rotations.get());
    }

    private void warnIfExposed() {
        String who = KeyFile.exposure(file);
        if (who != null) {
            Log.warnf(
                    "HMAC key file %s is readable by %s, who can then query (and reflect through) confd; "
                            + "restrict it (chmod 0400) unless that is intended",
                    file, who);
        }
    }
}
