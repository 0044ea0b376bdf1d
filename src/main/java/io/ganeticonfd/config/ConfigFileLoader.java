package io.ganeticonfd.config;

import java.io.IOException;
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

import io.quarkus.logging.Log;

/**
 * Loads {@code config.data} into the {@link ServedConfig} in two steps: {@link #prepare} reads and
 * parses the file and prepares the new snapshot's answers without serving them; {@link #commit}
 * swaps them in (or records the failure, keeping the last good snapshot), {@link #supersede} drops
 * them. Counts every attempt by outcome. Used by the {@link ConfigReloader}'s thread (and at start-up).
 *
 * @param <A> the prepared answers' type
 */
final class ConfigFileLoader<A> {

    /** A config file read and parsed (or found broken), its answers prepared, in {@code nanos}, but not served yet. */
    record Prepared<A>(SnapshotLoader.Attempt attempt, A answers, long nanos) {
        /** The file's stamp when it was read. */
        FileStamp stamp() {
            return attempt.stamp();
        }

        /** Whether the file was read whole and valid (a new snapshot, or the served one's content). */
        boolean valid() {
            return attempt instanceof SnapshotLoader.Success || attempt instanceof SnapshotLoader.Same;
        }
    }

    /** How many bytes of the served file {@link #warmUpInBackground()} parses at least: 32 MB. */
    static final long WARM_UP_BYTES = 32L << 20;
    /** How many times at most it parses the file: 2000. */
    static final int WARM_UP_ROUNDS = 2000;

    private final Path file;
    private final ConfigParser parser;
    private final SnapshotLoader loader;
    private final AnswerPreparer<A> preparer;
    private final ServedConfig<A> served;
    private final Clock clock;
    private final List<Consumer<ReloadEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<ReloadOutcome, AtomicLong> counts = new EnumMap<>(ReloadOutcome.class);
    private final ExecutorService finisher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "confd-snapshot-finisher");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile ReloadOutcome lastOutcome;
    /** The stamp of the file that failed to load, while the last attempt failed (else null). */
    private volatile FileStamp failedStamp;

    ConfigFileLoader(Path file, ConfigParser parser, AnswerPreparer<A> preparer, ServedConfig<A> served, Clock clock) {
        this.file = file;
        this.parser = parser;
        this.loader = new SnapshotLoader(parser);
        this.preparer = preparer;
        this.served = served;
        this.clock = clock;
        for (ReloadOutcome o : ReloadOutcome.values()) {
            counts.put(o, new AtomicLong());
        }
    }

    Path file() {
        return file;
    }

    void addListener(Consumer<ReloadEvent> listener) {
        listeners.add(listener);
    }

    /** Reads, parses and prepares the file's snapshot, without serving it. */
    Prepared<A> prepare() {
        long start = System.nanoTime();
        SnapshotMeta meta = served.served().meta();
        SnapshotLoader.Attempt attempt = loader.load(file, meta == null ? null : meta.checksum());
        A answers = attempt instanceof SnapshotLoader.Success s
                ? preparer.prepare(s.loaded().snapshot())
                : null;
        return new Prepared<>(attempt, answers, System.nanoTime() - start);
    }

    /** Serves what {@link #prepare()} read (a new snapshot, or the failure it found). */
    ReloadOutcome commit(Prepared<A> prepared) {
        long start = System.nanoTime();
        ServedConfig.Served<A> current = served.served();
        SnapshotLoader.Attempt attempt = prepared.attempt();
        ReloadOutcome outcome;
        if (attempt instanceof SnapshotLoader.Success s) {
            outcome = swapIn(s.loaded(), prepared.answers(), current);
        } else if (attempt instanceof SnapshotLoader.Same same) {
            SnapshotMeta m = current.meta();
            failedStamp = null;
            served.serve(new ServedConfig.Served<>(
                    current.snapshot(),
                    m == null
                            ? null
                            : new SnapshotMeta(same.stamp(), m.checksum(), m.bytes(), m.loadNanos(), m.loadedAt()),
                    current.answers()));
            outcome = ReloadOutcome.UNCHANGED;
        } else {
            outcome = fail((SnapshotLoader.Failure) attempt, current);
        }
        lastOutcome = outcome;
        long nanos = prepared.nanos() + System.nanoTime() - start;
        return outcome == ReloadOutcome.RELOADED ? notified(outcome, nanos) : counted(outcome, nanos);
    }

    /** Drops what {@link #prepare()} read because the file changed again before it settled. */
    void supersede(Prepared<A> prepared) {
        Log.debugf("%s changed again while it was being read; reading it again once it settles", file);
        counted(ReloadOutcome.SUPERSEDED, prepared.nanos());
    }

    /**
     * Parses the served file again on the low-priority finisher thread (a small file several times,
     * up to {@link #WARM_UP_BYTES} or {@link #WARM_UP_ROUNDS}) and prepares its answers, as a reload
     * does before the swap, so that the first reload of a large file runs compiled code.
     */
    void warmUpInBackground() {
        finisher.execute(() -> {
            long start = System.nanoTime();
            int rounds = 0;
            try {
                byte[] data = FileBytes.read(file);
                for (long parsed = 0;
                        data.length > 0 && parsed < WARM_UP_BYTES && rounds < WARM_UP_ROUNDS;
                        parsed += data.length, rounds++) {
                    preparer.prepare(parser.parse(data));
                }
            } catch (IOException | ConfigException | RuntimeException e) {
                Log.debugf("Warm-up on %s stopped: %s", file, e.getMessage());
            }
            Log.debugf("Warm-up: parsed %s %d times in %d ms", file, rounds, (System.nanoTime() - start) / 1_000_000);
        });
    }

    /** The stamp of the file that failed to load, while the last attempt failed; else null. */
    FileStamp failedStamp() {
        return failedStamp;
    }

    String lastError() {
        return lastError;
    }

    Instant lastErrorAt() {
        return lastErrorAt;
    }

    ReloadOutcome lastOutcome() {
        return lastOutcome;
    }

    /** Attempts so far, by outcome. */
    Map<ReloadOutcome, Long> counts() {
        Map<ReloadOutcome, Long> out = new EnumMap<>(ReloadOutcome.class);
        counts.forEach((o, n) -> out.put(o, n.get()));
        return out;
    }

    /** Counts an attempt that took {@code nanos} of work (reading, parsing, preparing, swapping; not waiting). */
    private ReloadOutcome counted(ReloadOutcome outcome, long nanos) {
        counts.get(outcome).incrementAndGet();
        return notified(outcome, nanos);
    }

    /** Tells the listeners of an attempt already counted. */
    private ReloadOutcome notified(ReloadOutcome outcome, long nanos) {
        ReloadEvent event = new ReloadEvent(outcome, nanos, served.snapshot());
        listeners.forEach(l -> l.accept(event));
        return outcome;
    }

    private ReloadOutcome swapIn(SnapshotLoader.Loaded loaded, A answers, ServedConfig.Served<A> current) {
        ClusterSnapshot next = loaded.snapshot();
        SnapshotMeta meta =
                new SnapshotMeta(loaded.stamp(), loaded.checksum(), loaded.bytes(), loaded.nanos(), clock.instant());
        // counted, and the last failure cleared, before it can be seen served (status never shows both)
        counts.get(ReloadOutcome.RELOADED).incrementAndGet();
        failedStamp = null;
        served.serve(new ServedConfig.Served<>(next, meta, answers));
        finisher.execute(() -> finish(next));
        long previous = current.snapshot() == null
                ? Long.MIN_VALUE
                : current.snapshot().cluster().clusterSerial();
        if (next.cluster().clusterSerial() < previous) {
            Log.warnf(
                    "Loaded %s with cluster serial %d, lower than the %d served before (a restored backup?), "
                            + "%d bytes in %d ms",
                    file, next.cluster().clusterSerial(), previous, loaded.bytes(), loaded.nanos() / 1_000_000);
        } else {
            Log.infof(
                    "Loaded %s: cluster serial %d, file serial %d, %d nodes, %d instances, %d bytes in %d ms",
                    file,
                    next.cluster().clusterSerial(),
                    next.cluster().fileSerial(),
                    next.nodes().size(),
                    next.instances().size(),
                    loaded.bytes(),
                    loaded.nanos() / 1_000_000);
        }
        return ReloadOutcome.RELOADED;
    }

    /** Serializes the rest of a swapped-in snapshot off the request path, unless it was replaced meanwhile. */
    private void finish(ClusterSnapshot snapshot) {
        if (served.snapshot() == snapshot) {
            snapshot.finish();
        }
    }

    private ReloadOutcome fail(SnapshotLoader.Failure failure, ServedConfig.Served<A> current) {
        String message = "Cannot load configuration from " + file + ": " + failure.reason();
        lastError = message;
        lastErrorAt = clock.instant();
        failedStamp = failure.stamp();
        if (current.snapshot() == null) {
            served.serve(new ServedConfig.Served<>(null, null, preparer.unavailable(message)));
            Log.errorf("%s; answering every query with an error until a valid file appears", message);
        } else {
            Log.errorf(
                    "%s; still serving cluster serial %d",
                    message, current.snapshot().cluster().clusterSerial());
        }
        return ReloadOutcome.FAILED;
    }
}
