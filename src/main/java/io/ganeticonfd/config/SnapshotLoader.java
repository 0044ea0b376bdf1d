package io.ganeticonfd.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** Reads and parses a config file into a snapshot, reporting failures as one-line messages. */
final class SnapshotLoader {

    /** A successful load. */
    record Loaded(ClusterSnapshot snapshot, FileStamp stamp, long checksum, long bytes, long nanos) {}

    /** Outcome of reading a file before parsing. */
    sealed interface Attempt {
        /** The file's stamp just before it was read. */
        FileStamp stamp();
    }

    /** The file was read and parsed. */
    record Success(Loaded loaded) implements Attempt {
        @Override
        public FileStamp stamp() {
            return loaded.stamp();
        }
    }

    /** The file had the checksum of what is already served. */
    record Same(FileStamp stamp) implements Attempt {}

    /** The file could not be loaded; {@code reason} is one line. */
    record Failure(String reason, FileStamp stamp) implements Attempt {}

    private final ConfigParser parser;

    SnapshotLoader(ConfigParser parser) {
        this.parser = parser;
    }

    /** Loads {@code file}; reports {@link Same} when its checksum equals {@code currentChecksum}. */
    Attempt load(Path file, Long currentChecksum) {
        long start = System.nanoTime();
        FileStamp stamp = FileStamp.of(file);
        byte[] data;
        try {
            data = FileBytes.read(file);
        } catch (NoSuchFileException e) {
            return new Failure("file does not exist", stamp);
        } catch (AccessDeniedException e) {
            return new Failure("permission denied", stamp);
        } catch (IOException e) {
            return new Failure("cannot read: " + e.getMessage(), stamp);
        }
        if (data.length == 0) {
            return new Failure("file is empty", stamp);
        }
        CRC32C crc = new CRC32C();
        crc.update(data);
        long checksum = crc.getValue() ^ ((long) data.length << 32);
        if (currentChecksum != null && currentChecksum == checksum) {
            return new Same(stamp);
        }
        try {
            ClusterSnapshot snapshot = parser.parse(data);
            return new Success(new Loaded(snapshot, stamp, checksum, data.length, System.nanoTime() - start));
        } catch (ConfigException e) {
            return new Failure(e.getMessage(), stamp);
        }
    }
}
