package io.ganeticonfd.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.KeyRing;
import io.ganeticonfd.protocol.ReplyBody;
import io.quarkus.logging.Log;

/**
 * The served configuration and keys. Loads {@code config.data} and {@code hmac.key}, swaps in each
 * new snapshot with one atomic write, and keeps the last good snapshot and key when a file breaks.
 * Reloads run on one thread (start-up, then the {@link FileWatcher}); the request path only reads.
 */
@ApplicationScoped
public class ConfigCache implements ServingView {

    private final ConfigSettings settings;
    private final HmacSettings hmac;
    private final SnapshotLoader loader;
    private final ConfigParser parser;
    private final Clock clock;
    private final List<Consumer<ClusterSnapshot>> preparers = new CopyOnWriteArrayList<>();
    private final List<Consumer<ReloadEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<ReloadOutcome, AtomicLong> reloads = new EnumMap<>(ReloadOutcome.class);
    private final AtomicLong keyRotations = new AtomicLong();
    private final ExecutorService finisher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "confd-snapshot-finisher");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private volatile Served served = new Served(null, null, ReplyBody.error("Configuration not loaded yet"));
    private volatile KeyRing keys;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile ReloadOutcome lastOutcome;
    /** The stamp of the config file that failed to load, while the last attempt failed (else null). */
    private volatile FileStamp failedStamp;
    private volatile String keyError;
    private volatile FileStamp keyStamp = FileStamp.MISSING;
    private volatile WatchMode watchMode = WatchMode.WATCH;
    private volatile FileStamp observedConfigStamp;

    /** What one request reads: the snapshot, its origin, and the reply used while there is none. */
    private record Served(ClusterSnapshot snapshot, SnapshotMeta meta, ReplyBody unavailable) {
    }

    /** One reload attempt, for metrics. */
    public record ReloadEvent(ReloadOutcome outcome, long nanos, ClusterSnapshot snapshot) {
    }

    @Inject
    public ConfigCache(ConfigSettings settings, HmacSettings hmac, ObjectMapper mapper) {
        this(settings, hmac, mapper, Clock.systemUTC());
    }

    ConfigCache(ConfigSettings settings, HmacSettings hmac, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.hmac = hmac;
        this.parser = new ConfigParser(mapper, settings.redactPrivate());
        this.loader = new SnapshotLoader(parser);
        this.clock = clock;
        for (ReloadOutcome o : ReloadOutcome.values()) {
            reloads.put(o, new AtomicLong());
        }
    }

    @Override
    public ClusterSnapshot snapshot() {
        return served.snapshot();
    }

    @Override
    public ReplyBody unavailableReply() {
        return served.unavailable();
    }

    @Override
    public KeyRing keys() {
        return keys;
    }

    /** The configuration file being served. */
    public Path configFile() {
        return settings.file();
    }

    /** The HMAC key file. */
    public Path keyFile() {
        return hmac.keyFile();
    }

    /** Registers work to do on each new snapshot before it is served (e.g. precomputing answers). */
    public void addPreparer(Consumer<ClusterSnapshot> preparer) {
        preparers.add(preparer);
    }

    /** Registers a listener told of every reload attempt. */
    public void addReloadListener(Consumer<ReloadEvent> listener) {
        listeners.add(listener);
    }

    /** Loads the key at start-up; returns the one-line error when there is no usable key. */
    public String loadInitialKey() {
        Path file = keyFile();
        FileStamp stamp = FileStamp.of(file);
        KeyFile.Read read = KeyFile.read(file);
        if (read.key() == null) {
            keyError = read.error();
            return "Cannot read HMAC key file " + file + ": " + read.error();
        }
        keys = KeyRing.of(read.key());
        keyStamp = stamp;
        warnIfExposed(file);
        Log.infof("Loaded HMAC key from %s (fingerprint %s)", file, read.key().fingerprint());
        return null;
    }

    /** Re-reads the key file after a change: rotates to a new key, keeping the old one for the grace period. */
    public void reloadKey() {
        Path file = keyFile();
        FileStamp stamp = FileStamp.of(file);
        KeyFile.Read read = KeyFile.read(file);
        keyStamp = stamp;
        if (read.key() == null) {
            keyError = read.error();
            Log.warnf("HMAC key file %s unusable (%s); keeping the current key", file, read.error());
            return;
        }
        keyError = null;
        KeyRing current = keys;
        if (current != null && read.key().sameBytes(current.current())) {
            return;
        }
        long graceUntil = clock.instant().plus(hmac.rotationGrace()).getEpochSecond();
        keys = current == null ? KeyRing.of(read.key()) : current.rotateTo(read.key(), graceUntil);
        keyRotations.incrementAndGet();
        warnIfExposed(file);
        Log.infof("HMAC key rotated to %s; the previous key is accepted for %ss more", read.key().fingerprint(),
                hmac.rotationGrace().toSeconds());
    }

    /** The key file's current stamp as last read. */
    FileStamp keyStamp() {
        return keyStamp;
    }

    /** Loads the config file if it changed; keeps the served snapshot on failure. */
    public ReloadOutcome reloadConfig() {
        return commitConfig(prepareConfig());
    }

    /**
     * Reads and parses the config file and prepares the new snapshot, without serving it yet: the
     * {@link FileWatcher} reads ahead while a changed file settles, then commits or supersedes.
     */
    PreparedConfig prepareConfig() {
        long start = System.nanoTime();
        Served current = served;
        SnapshotLoader.Attempt attempt = loader.load(configFile(), current.meta() == null ? null : current.meta().checksum());
        if (attempt instanceof SnapshotLoader.Success s) {
            ClusterSnapshot next = s.loaded().snapshot();
            preparers.forEach(p -> p.accept(next));
        }
        return new PreparedConfig(attempt, System.nanoTime() - start);
    }

    /** Serves what {@link #prepareConfig()} read (a new snapshot, or the failure it found). */
    ReloadOutcome commitConfig(PreparedConfig prepared) {
        long start = System.nanoTime();
        Served current = served;
        SnapshotLoader.Attempt attempt = prepared.attempt();
        ReloadOutcome outcome;
        if (attempt instanceof SnapshotLoader.Success s) {
            outcome = swapIn(s.loaded(), current);
        } else if (attempt instanceof SnapshotLoader.Same same) {
            served = new Served(current.snapshot(), withStamp(current.meta(), same.stamp()), current.unavailable());
            failedStamp = null;
            outcome = ReloadOutcome.UNCHANGED;
        } else {
            outcome = fail(configFile(), (SnapshotLoader.Failure) attempt, current);
        }
        lastOutcome = outcome;
        return counted(outcome, prepared.nanos() + System.nanoTime() - start);
    }

    /** Drops what {@link #prepareConfig()} read because the file changed again before it settled. */
    void supersede(PreparedConfig prepared) {
        Log.debugf("%s changed again while it was being read; reading it again once it settles", configFile());
        counted(ReloadOutcome.SUPERSEDED, prepared.nanos());
    }

    /** Counts an attempt that took {@code nanos} of work (reading, parsing, preparing, swapping; not waiting). */
    private ReloadOutcome counted(ReloadOutcome outcome, long nanos) {
        reloads.get(outcome).incrementAndGet();
        ReloadEvent event = new ReloadEvent(outcome, nanos, served.snapshot());
        listeners.forEach(l -> l.accept(event));
        return outcome;
    }

    /** A config file read and parsed (or found broken) in {@code nanos}, but not served yet. */
    record PreparedConfig(SnapshotLoader.Attempt attempt, long nanos) {
        /** The file's stamp when it was read. */
        FileStamp stamp() {
            return attempt.stamp();
        }
    }

    private ReloadOutcome swapIn(SnapshotLoader.Loaded loaded, Served current) {
        ClusterSnapshot next = loaded.snapshot();
        SnapshotMeta meta = new SnapshotMeta(loaded.stamp(), loaded.checksum(), loaded.bytes(), loaded.nanos(), clock.instant());
        served = new Served(next, meta, current.unavailable());
        finisher.execute(() -> finish(next));
        failedStamp = null;
        long previous = current.snapshot() == null ? Long.MIN_VALUE : current.snapshot().cluster().clusterSerial();
        if (next.cluster().clusterSerial() < previous) {
            Log.warnf("Loaded %s with cluster serial %d, lower than the %d served before (a restored backup?), "
                    + "%d bytes in %d ms", configFile(), next.cluster().clusterSerial(), previous, loaded.bytes(),
                    loaded.nanos() / 1_000_000);
        } else {
            Log.infof("Loaded %s: cluster serial %d, file serial %d, %d nodes, %d instances, %d bytes in %d ms",
                    configFile(), next.cluster().clusterSerial(), next.cluster().fileSerial(), next.nodes().size(),
                    next.instances().size(), loaded.bytes(), loaded.nanos() / 1_000_000);
        }
        return ReloadOutcome.RELOADED;
    }

    /** Warms up the parser and the preparers on a low-priority thread, so the first large reload runs compiled code. */
    public void warmUpInBackground() {
        finisher.execute(() -> ParserWarmUp.run(parser, snapshot -> preparers.forEach(p -> p.accept(snapshot))));
    }

    /** Serializes the rest of a swapped-in snapshot off the request path, unless it was replaced meanwhile. */
    private void finish(ClusterSnapshot snapshot) {
        if (served.snapshot() == snapshot) {
            snapshot.finish();
        }
    }

    private ReloadOutcome fail(Path file, SnapshotLoader.Failure failure, Served current) {
        String message = "Cannot load configuration from " + file + ": " + failure.reason();
        lastError = message;
        lastErrorAt = clock.instant();
        failedStamp = failure.stamp();
        if (current.snapshot() == null) {
            served = new Served(null, null, ReplyBody.error(message));
            Log.errorf("%s; answering every query with an error until a valid file appears", message);
        } else {
            Log.errorf("%s; still serving cluster serial %d", message, current.snapshot().cluster().clusterSerial());
        }
        return ReloadOutcome.FAILED;
    }

    /** The config file stamp of the served snapshot (or of the last failed attempt). */
    FileStamp lastSeenConfigStamp() {
        FileStamp failed = failedStamp;
        if (failed != null) {
            return failed;
        }
        SnapshotMeta meta = served.meta();
        return meta == null ? FileStamp.MISSING : meta.stamp();
    }

    /** Records the config file's stamp as the watcher last saw it (status compares it with the served one). */
    void observedConfigStamp(FileStamp stamp) {
        this.observedConfigStamp = stamp;
    }

    void watchMode(WatchMode mode) {
        this.watchMode = mode;
    }

    /** A consistent picture of the cache. */
    public CacheStatus status() {
        Served s = served;
        KeyRing k = keys;
        Map<ReloadOutcome, Long> counts = new EnumMap<>(ReloadOutcome.class);
        reloads.forEach((o, n) -> counts.put(o, n.get()));
        boolean previousActive = k != null && k.previousActive(clock.instant().getEpochSecond());
        FileStamp observed = observedConfigStamp;
        boolean broken = failedStamp != null;
        boolean newer = s.meta() != null && !broken && observed != null && !observed.equals(s.meta().stamp());
        return new CacheStatus(configFile(), s.snapshot(), s.meta(), broken, newer, lastError, lastErrorAt,
                lastOutcome, counts, watchMode, keyFile(), k == null ? null : k.current().fingerprint(),
                previousActive ? k.previous().fingerprint() : null,
                previousActive ? Instant.ofEpochSecond(k.previousUntilSeconds()) : null, keyError, keyRotations.get());
    }

    private static SnapshotMeta withStamp(SnapshotMeta meta, FileStamp stamp) {
        return meta == null ? null : new SnapshotMeta(stamp, meta.checksum(), meta.bytes(), meta.loadNanos(), meta.loadedAt());
    }

    private static void warnIfExposed(Path file) {
        String who = KeyFile.exposure(file);
        if (who != null) {
            Log.warnf("HMAC key file %s is readable by %s, who can then query (and reflect through) confd; "
                    + "restrict it (chmod 0400) unless that is intended", file, who);
        }
    }
}
