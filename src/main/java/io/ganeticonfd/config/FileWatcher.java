package io.ganeticonfd.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.quarkus.logging.Log;

/**
 * Follows {@code config.data} and {@code hmac.key}: directory events (in-place writes, renames,
 * Kubernetes {@code ..data} swaps, permission changes) plus a periodic check of their
 * {@link FileStamp}s (the only signal where events are off or unsupported), then reloads
 * through the {@link ConfigCache}, at most once per interval per file. Runs on its own thread.
 *
 * <p>A changed config is read and parsed at once, while it settles; what was read is served once
 * the file has been quiet for the settle time, and dropped (then read again) if the file changed
 * after it was read. So a large config costs its parse time or the settle time, not both, and a
 * file is never served from a read that overlapped a write.
 */
public final class FileWatcher implements AutoCloseable {

    private final ConfigCache cache;
    private final long pollNanos;
    private final boolean fileEvents;
    private final ReloadThrottle configThrottle;
    private final ReloadThrottle keyThrottle;
    private final Thread thread;
    private WatchService watchService;
    private volatile boolean running = true;
    private FileStamp configStamp;
    private FileStamp keyStamp;
    private volatile ConfigCache.PreparedConfig readAhead;

    /** A watcher for the cache's files; call {@link #start()} after the first load. */
    public FileWatcher(ConfigCache cache, ReloadSettings settings) {
        this.cache = cache;
        this.pollNanos = settings.pollInterval().toNanos();
        this.fileEvents = settings.fileEvents();
        this.configThrottle = new ReloadThrottle(settings.minInterval().toNanos(), settings.settle().toNanos());
        this.keyThrottle = new ReloadThrottle(settings.minInterval().toNanos(), settings.settle().toNanos());
        this.thread = new Thread(this::run, "confd-config-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching. */
    public void start() {
        configStamp = cache.lastSeenConfigStamp();
        keyStamp = cache.keyStamp();
        configThrottle.reloaded(System.nanoTime());
        keyThrottle.reloaded(System.nanoTime());
        if (fileEvents) {
            watchService = register();
        } else {
            Log.infof("Not following file-system events (confd.reload.file-events=false); checking %s and %s every %d ms",
                    cache.configFile(), cache.keyFile(), TimeUnit.NANOSECONDS.toMillis(pollNanos));
        }
        cache.watchMode(watchService == null ? WatchMode.POLL : WatchMode.WATCH);
        thread.start();
    }

    private WatchService register() {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(parent(cache.configFile()));
        dirs.add(parent(cache.keyFile()));
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            for (Path dir : dirs) {
                dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
            return ws;
        } catch (IOException | UnsupportedOperationException e) {
            Log.warnf("Cannot watch %s for changes (%s); checking the files every %d ms instead", dirs, e.getMessage(),
                    TimeUnit.NANOSECONDS.toMillis(pollNanos));
            return null;
        }
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
                    cache.reloadKey();
                    keyStamp = cache.keyStamp();
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
                cache.supersede(readAhead);
                readAhead = null;
            } else if (configThrottle.settleDelay(now) == 0) {
                cache.commitConfig(readAhead);
                readAhead = null;
            }
        }
        if (readAhead == null && configThrottle.readAheadDelay(now) == 0) {
            configThrottle.reloaded(now);
            readAhead = cache.prepareConfig();
            configStamp = readAhead.stamp();
        }
    }

    private long nextWaitNanos() {
        long now = System.nanoTime();
        long wait = Math.min(pollNanos, pendingDelay(keyThrottle.delay(now)));
        if (readAhead != null) {
            wait = Math.min(wait, configThrottle.settleDelay(now));
        } else {
            wait = Math.min(wait, pendingDelay(configThrottle.readAheadDelay(now)));
        }
        return Math.max(wait, 1);
    }

    private static long pendingDelay(long delay) {
        return delay == ReloadThrottle.IDLE ? Long.MAX_VALUE : delay;
    }

    private void waitForEvents(long nanos) throws InterruptedException {
        if (watchService == null) {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return;
        }
        WatchKey key = watchService.poll(nanos, TimeUnit.NANOSECONDS);
        while (key != null) {
            for (WatchEvent<?> event : key.pollEvents()) {
                noteEvent(event);
            }
            key.reset();
            key = watchService.poll();
        }
    }

    private void noteEvent(WatchEvent<?> event) {
        long now = System.nanoTime();
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            configThrottle.changed(now);
            keyThrottle.changed(now);
            return;
        }
        String name = String.valueOf(event.context());
        boolean kubernetesSwap = name.startsWith("..");
        if (kubernetesSwap || name.equals(fileName(cache.configFile()))) {
            configThrottle.changed(now);
        }
        if (kubernetesSwap || name.equals(fileName(cache.keyFile()))) {
            keyThrottle.changed(now);
        }
    }

    private void checkStamps() {
        FileStamp c = FileStamp.of(cache.configFile());
        cache.observedConfigStamp(c);
        if (!c.equals(configStamp)) {
            configStamp = c;
            configThrottle.changed(System.nanoTime());
        }
        FileStamp k = FileStamp.of(cache.keyFile());
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
            if (watchService != null) {
                watchService.close();
            }
        } catch (IOException e) {
            Log.debugf("Closing the watch service: %s", e.getMessage());
        }
        thread.interrupt();
    }

    private static Path parent(Path file) {
        Path p = file.toAbsolutePath().getParent();
        return p == null ? Path.of("/") : p;
    }

    private static String fileName(Path file) {
        return String.valueOf(file.getFileName());
    }
}
