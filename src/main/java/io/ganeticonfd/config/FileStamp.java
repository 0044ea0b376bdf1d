package io.ganeticonfd.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * What identifies one version of a file: size, modification time to the nanosecond, file key
 * (device and inode) and, where the platform has it, the inode change time, following symbolic
 * links. {@link #MISSING} when the file does not exist. The change time also moves when only the
 * file's permissions or owner change, so a file that could not be read is tried again once they
 * are fixed, even where no file-system events arrive.
 */
public record FileStamp(long size, long mtimeNanos, long ctimeNanos, Object fileKey) {

    /** The stamp of a file that does not exist or cannot be read. */
    public static final FileStamp MISSING = new FileStamp(-1, Long.MIN_VALUE, Long.MIN_VALUE, null);

    /** Placeholder change time where the platform has none (only size, mtime and file key then count). */
    static final long NO_CTIME = Long.MIN_VALUE;

    private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,fileKey";

    /** The current stamp of {@code path}. */
    public static FileStamp of(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, UNIX_ATTRIBUTES);
            return new FileStamp(
                    (Long) a.get("size"),
                    nanos((FileTime) a.get("lastModifiedTime")),
                    nanos((FileTime) a.get("ctime")),
                    a.get("fileKey"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return basic(path);
        } catch (IOException e) {
            return MISSING;
        }
    }

    private static FileStamp basic(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new FileStamp(a.size(), nanos(a.lastModifiedTime()), NO_CTIME, a.fileKey());
        } catch (IOException e) {
            return MISSING;
        }
    }

    private static long nanos(FileTime time) {
        return time.toInstant().getEpochSecond() * 1_000_000_000L
                + time.toInstant().getNano();
    }

    /** Whether the file exists. */
    public boolean exists() {
        return size >= 0;
    }

    /**
     * Whether this stamp is of another file than {@code previous}: it exists and its file key (device
     * and inode) differs, as after a rename over the path or a Kubernetes {@code ..data} swap, which put
     * a complete file in place at once. False when either file key is unknown or the path had no file.
     */
    boolean replaces(FileStamp previous) {
        return exists()
                && previous != null
                && previous.exists()
                && fileKey != null
                && previous.fileKey() != null
                && !fileKey.equals(previous.fileKey());
    }
}
