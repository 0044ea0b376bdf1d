package io.ganeticonfd.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole file into one array, in chunks of {@link #CHUNK} bytes. Unlike
 * {@code Files.readAllBytes}, which reads through a temporary native buffer as large as the file
 * (kept per thread afterwards: 18 MB of native memory for a large config), this needs only a
 * chunk-sized one. A file that grows or shrinks while it is read is read to its end.
 */
final class FileBytes {

    /** Bytes per read call. */
    static final int CHUNK = 1 << 20;

    private FileBytes() {}

    static byte[] read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException("file is larger than 2 GB");
            }
            byte[] data = new byte[(int) size];
            int length = 0;
            while (true) {
                if (length == data.length) {
                    ByteBuffer probe = ByteBuffer.allocate(1);
                    if (channel.read(probe) < 0) {
                        return data;
                    }
                    data = Arrays.copyOf(data, Math.max(data.length * 2, CHUNK));
                    data[length++] = probe.get(0);
                }
                int n = channel.read(ByteBuffer.wrap(data, length, Math.min(CHUNK, data.length - length)));
                if (n < 0) {
                    return Arrays.copyOf(data, length);
                }
                length += n;
            }
        }
    }
}
