package io.ganeticonfd.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * The reload state machine of {@code config.data} and {@code hmac.key}: directory events (writes,
 * renames, Kubernetes {@code ..data} swaps, permission changes: {@link DirectoryEvents}) and a periodic
 * check of the files' {@link FileStamp}s, at most one reload per interval per file, loaded into the {@link ServedConfig}
 * by a {@link ConfigFileLoader} and a {@link KeyFileLoader}. Runs on its own thread once started.
 *
 * <p>A config replaced by another file (a new inode: a rename over it, a Kubernetes {@code ..data}
 * swap) is complete when it appears: it is read at once and served as soon as it parsed, unless its
 * stamp moved while it was read. A config changed in place may still be being written: it is read
 * and parsed once briefly quiet, and what was read is served once the file has been quiet for the
 * settle time, and dropped (then read again) if the file changed after it was read: a large config
 * costs its parse time or the settle time, not both, and is never served from a read that
 * overlapped a write. Both paths keep the interval between two reads.
 *
 * @param <A> the prepared answers' type
 */
public final class ConfigReloader<A> implements AutoCloseable {

    private final ConfigFileLoader<A> config;
    private final KeyFileLoader key;
    private final ServedConfig<A> served;
    private final long pollNanos;
    private final boolean fileEvents;
    private final ReloadThrottle configThrottle;
    private final ReloadThrottle keyThrottle;
    private DirectoryEvents events;
    private Thread thread;
    private volatile boolean running = true;
    private volatile WatchMode watchMode = WatchMode.WATCH;
    /** The config file's stamp as last read (followed for changes). */
    private FileStamp configStamp;
    /** The config file's stamp as last checked (status compares it with the served one). */
    private volatile FileStamp observedConfigStamp;
    /** The stamp of the config file as last read (a different file key now: it was replaced). */
    private FileStamp readStamp;

    private FileStamp keyStamp = FileStamp.MISSING;
    private volatile ConfigFileLoader.Prepared<A> readAhead;

    /** A reloader serving into {@code served}, with answers from {@code preparer}; call {@link #start()} after the first load. */
    public ConfigReloader(
            ConfigSettings config,
            HmacSettings hmac,
            ReloadSettings reload,
            ObjectMapper mapper,
            AnswerPreparer<A> preparer,
            ServedConfig<A> served) {
        this(config, hmac, reload, mapper, preparer, served, Clock.systemUTC());
    }

    ConfigReloader(
            ConfigSettings config,
            HmacSettings hmac,
            ReloadSettings reload,
            ObjectMapper mapper,
            AnswerPreparer<A> preparer,
            ServedConfig<A> served,
            Clock clock) {
        this.config = new ConfigFileLoader<>(
                config.file(), new ConfigParser(mapper, config.redactPrivate()), preparer, served, clock);
        this.key = new KeyFileLoader(hmac.keyFile(), hmac.rotationGrace(), served, clock);
        this.served = served;
        this.pollNanos = reload.pollInterval().toNanos();
        this.fileEvents = reload.fileEvents();
        this.configThrottle = new ReloadThrottle(
                reload.minInterval().toNanos(), reload.settle().toNanos());
        this.keyThrottle = new ReloadThrottle(
                reload.minInterval().toNanos(), reload.settle().toNanos());
    }

    /** The configuration file being served. */
    public Path configFile() {
        return config.file();
    }

    /** The HMAC key file. */
    public Path keyFile() {
        return key.file();
    }

    /** Registers a listener told of every reload attempt of the config file. */
    public void addReloadListener(Consumer<ReloadEvent> listener) {
        config.addListener(listener);
    }

    /** Loads the key at start-up; returns the one-line error when there is no usable key. */
    public String loadInitialKey() {
        keyStamp = FileStamp.of(key.file());
        return key.loadInitial();
    }

    /** Loads the config file now if it changed; keeps the served snapshot on failure. For start-up and tests. */
    public ReloadOutcome reloadConfig() {
        return commitConfig(prepareConfig());
    }

    /** Reads ahead: parses the file and prepares its answers without serving them (for tests). */
    ConfigFileLoader.Prepared<A> prepareConfig() {
        return config.prepare();
    }

    /** Serves what was read ahead, or records its failure (for tests). */
    ReloadOutcome commitConfig(ConfigFileLoader.Prepared<A> prepared) {
        return config.commit(prepared);
    }

    /** Drops what was read ahead (for tests). */
    void supersede(ConfigFileLoader.Prepared<A> prepared) {
        config.supersede(prepared);
    }

    /** The config file stamp of the served snapshot (or of the last failed attempt). */
    FileStamp lastSeenConfigStamp() {
        FileStamp failed = config.failedStamp();
        if (failed != null) {
            return failed;
        }
        SnapshotMeta meta = served.served().meta();
        return meta == null ? FileStamp.MISSING : meta.stamp();
    }

    /** Starts following the files, on the reloader's own thread, and warms the parser up on the served file. */
    public void start() {
        configStamp = lastSeenConfigStamp();
        readStamp = configStamp;
        configThrottle.reloaded(System.nanoTime());
        keyThrottle.reloaded(System.nanoTime());
        events = DirectoryEvents.watchParentsOrLog(fileEvents, pollNanos, configFile(), keyFile());
        watchMode = events == null ? WatchMode.POLL : WatchMode.WATCH;
        config.warmUpInBackground();
        thread = new Thread(this::run, "confd-config-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** The config file's state, for health, status and metrics. */
    public ReloadStatus status() {
        SnapshotMeta meta = served.served().meta();
        FileStamp observed = observedConfigStamp;
        boolean broken = config.failedStamp() != null;
        boolean newer = meta != null && !broken && observed != null && !observed.equals(meta.stamp());
        return new ReloadStatus(
                configFile(),
                broken,
                newer,
                config.lastError(),
                config.lastErrorAt(),
                config.lastOutcome(),
                config.counts(),
                watchMode);
    }

    /** The keys in use, by fingerprint. */
    public KeyStatus keyStatus() {
        return key.status();
    }

    private void run() {
        try {
            while (running) {
                waitForEvents(nextWaitNanos());
                checkStamps();
                long now = System.nanoTime();
                followConfig(now);
                if (keyThrottle.delay(now) == 0) {
                    keyThrottle.reloaded(now);
                    keyStamp = FileStamp.of(keyFile());
                    key.reload();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            Log.debug("Config watcher stopped");
        } catch (RuntimeException e) {
            Log.errorf(e, "Config watcher failed; the served configuration is no longer followed");
        }
    }

    /** Commits or drops a read ahead, then starts the next one when a change is due. */
    private void followConfig(long now) {
        if (readAhead != null) {
            if (configThrottle.pending()) {
                config.supersede(readAhead);
                readAhead = null;
            } else if (configThrottle.settleDelay(now) == 0) {
                config.commit(readAhead);
                readAhead = null;
            }
        }
        if (readAhead == null && configDelay(now) == 0) {
            boolean replaced = replaced();
            configThrottle.reloaded(now);
            readAhead = config.prepare();
            configStamp = readAhead.stamp();
            readStamp = readAhead.stamp();
            if (replaced && readAhead.valid() && readAhead.stamp().equals(FileStamp.of(configFile()))) {
                // a whole new file, unchanged while read: nothing can still be writing it
                config.commit(readAhead);
                readAhead = null;
            }
        }
    }

    /** Whether the config file now in place is another file than the one last read (renamed over it). */
    private boolean replaced() {
        FileStamp observed = observedConfigStamp;
        return observed != null && observed.replaces(readStamp);
    }

    /** Nanoseconds until the pending change of the config may be read (0: now), or IDLE. */
    private long configDelay(long now) {
        return replaced() ? configThrottle.replacementDelay(now) : configThrottle.readAheadDelay(now);
    }

    private long nextWaitNanos() {
        long now = System.nanoTime();
        long wait = Math.min(pollNanos, pendingDelay(keyThrottle.delay(now)));
        if (readAhead != null) {
            wait = Math.min(wait, configThrottle.settleDelay(now));
        } else {
            wait = Math.min(wait, pendingDelay(configDelay(now)));
        }
        return Math.max(wait, 1);
    }

    private static long pendingDelay(long delay) {
        return delay == ReloadThrottle.IDLE ? Long.MAX_VALUE : delay;
    }

    private void waitForEvents(long nanos) throws InterruptedException {
        if (events == null) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } else {
            events.await(nanos, this::noteEvent);
        }
    }

    /** Notes a changed directory entry ({@code name} null: an overflow, anything may have changed). */
    private void noteEvent(String name) {
        long now = System.nanoTime();
        if (name == null) {
            configThrottle.changed(now);
            keyThrottle.changed(now);
            return;
        }
        boolean kubernetesSwap = name.startsWith("..");
        if (kubernetesSwap || name.equals(String.valueOf(configFile().getFileName()))) {
            configThrottle.changed(now);
        }
        if (kubernetesSwap || name.equals(String.valueOf(keyFile().getFileName()))) {
            keyThrottle.changed(now);
        }
    }

    private void checkStamps() {
        FileStamp c = FileStamp.of(configFile());
        observedConfigStamp = c;
        if (!c.equals(configStamp)) {
            configStamp = c;
            configThrottle.changed(System.nanoTime());
        }
        FileStamp k = FileStamp.of(keyFile());
        if (!k.equals(keyStamp)) {
            keyStamp = k;
            keyThrottle.changed(System.nanoTime());
        }
    }

    /** Whether a changed config has been read and waits to settle before it is served. */
    boolean readingAhead() {
        return readAhead != null;
    }

    @Override
    public void close() {
        running = false;
        try {
            if (events != null) {
                events.close();
            }
        } catch (IOException e) {
            Log.debugf("Closing the watch service: %s", e.getMessage());
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
