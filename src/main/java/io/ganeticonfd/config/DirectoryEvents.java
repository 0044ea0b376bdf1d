package io.ganeticonfd.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.quarkus.logging.Log;

/**
 * File-system events of the directories holding the followed files, as the names of the entries
 * that changed (null for an overflow: anything may have changed). Only a signal: the
 * {@link ConfigReloader} decides what to reload. Used by its thread only.
 */
final class DirectoryEvents implements AutoCloseable {

    private final WatchService service;

    private DirectoryEvents(WatchService service) {
        this.service = service;
    }

    /**
     * Watches the directories holding {@code files} if {@code fileEvents}; else, or when they cannot
     * be watched, logs that they are checked every {@code pollNanos} and returns null.
     */
    static DirectoryEvents watchParentsOrLog(boolean fileEvents, long pollNanos, Path... files) {
        if (!fileEvents) {
            Log.infof(
                    "Not following file-system events (confd.reload.file-events=false); checking %s every %d ms",
                    Arrays.toString(files), TimeUnit.NANOSECONDS.toMillis(pollNanos));
            return null;
        }
        try {
            return watchParentsOf(files);
        } catch (IOException | UnsupportedOperationException e) {
            Log.warnf(
                    "Cannot watch the directories of %s for changes (%s); checking the files every %d ms instead",
                    Arrays.toString(files), e.getMessage(), TimeUnit.NANOSECONDS.toMillis(pollNanos));
            return null;
        }
    }

    /** Watches the directories holding {@code files}; throws when the file system offers no events. */
    static DirectoryEvents watchParentsOf(Path... files) throws IOException {
        Set<Path> dirs = new java.util.LinkedHashSet<>();
        for (Path file : files) {
            Path parent = file.toAbsolutePath().getParent();
            dirs.add(parent == null ? Path.of("/") : parent);
        }
        return watch(dirs);
    }

    /** Watches {@code dirs}; throws when the file system offers no events. */
    static DirectoryEvents watch(Set<Path> dirs) throws IOException {
        WatchService ws = FileSystems.getDefault().newWatchService();
        try {
            for (Path dir : dirs) {
                dir.register(
                        ws,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            ws.close();
            throw e;
        }
        return new DirectoryEvents(ws);
    }

    /** Waits up to {@code nanos} for events, then hands each changed name to {@code changed}. */
    void await(long nanos, Consumer<String> changed) throws InterruptedException {
        WatchKey key = service.poll(nanos, TimeUnit.NANOSECONDS);
        while (key != null) {
            for (WatchEvent<?> event : key.pollEvents()) {
                changed.accept(
                        event.kind() == StandardWatchEventKinds.OVERFLOW ? null : String.valueOf(event.context()));
            }
            key.reset();
            key = service.poll();
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
