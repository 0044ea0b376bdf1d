package io.ganeticonfd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A directory laid out as Kubernetes mounts a ConfigMap or Secret: each file is a symlink
 * {@code name -> ..data/name}, {@code ..data} a symlink to a timestamped directory, and an update
 * writes a new directory, points {@code ..data_tmp} at it and renames that over {@code ..data}.
 */
public final class ProjectedVolume {

    private final Path dir;
    private final AtomicInteger generation = new AtomicInteger();

    /** A volume in {@code dir} (created if needed) holding {@code files}. */
    public ProjectedVolume(Path dir, Map<String, byte[]> files) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            Path first = writeGeneration(files);
            Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
            for (String name : files.keySet()) {
                Files.createSymbolicLink(dir.resolve(name), Path.of("..data", name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** Replaces the volume's content as the kubelet does. */
    public void update(Map<String, byte[]> files) {
        try {
            swapTo(writeGeneration(files).getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Swaps {@code ..data} to a directory that does not exist (a kubelet's swap gone wrong): every
     * file's link dangles. A later {@link #update} repairs the volume.
     */
    public void updateDangling() {
        try {
            swapTo(Path.of("..2026_11_25_00_00_00.missing-" + generation.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void swapTo(Path target) throws IOException {
        Path old = Files.readSymbolicLink(dir.resolve("..data"));
        Path tmp = dir.resolve("..data_tmp");
        Files.createSymbolicLink(tmp, target);
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (Files.isDirectory(dir.resolve(old), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            ClusterFiles.deleteTree(dir.resolve(old));
        }
    }

    private Path writeGeneration(Map<String, byte[]> files) throws IOException {
        Path gen = dir.resolve("..2026_11_25_00_00_00." + generation.incrementAndGet());
        Files.createDirectory(gen);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(gen.resolve(f.getKey()), f.getValue());
        }
        return gen;
    }
}
