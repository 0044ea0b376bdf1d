package io.ganeticonfd.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What identifies one version of a file: size, modification time to the nanosecond and file key
 * (device and inode), following symbolic links. {@link #MISSING} when the file does not exist.
 */
public record FileStamp(long size, long mtimeNanos, Object fileKey) {

    /** The stamp of a file that does not exist or cannot be read. */
    public static final FileStamp MISSING = new FileStamp(-1, Long.MIN_VALUE, null);

    /** The current stamp of {@code path}. */
    public static FileStamp of(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            long nanos = a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                    + a.lastModifiedTime().toInstant().getNano();
            return new FileStamp(a.size(), nanos, a.fileKey());
        } catch (IOException e) {
            return MISSING;
        }
    }

    /** Whether the file exists. */
    public boolean exists() {
        return size >= 0;
    }
}
