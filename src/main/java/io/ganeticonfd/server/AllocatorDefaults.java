package io.ganeticonfd.server;

import java.util.Map;
import java.util.Properties;

/**
 * System properties of Netty's pooled allocator that the UDP read path is sized for, set by the
 * daemon's entry point before Netty loads (Quarkus sets {@code io.netty.allocator.maxOrder=3}
 * itself: 64 KiB chunks). Event loops may cache buffers up to one such chunk, so that the buffer of
 * one recvmmsg call (15 datagrams of up to 4097 bytes, 61 KiB, see {@link SocketTuning}) is recycled
 * from call to call instead of taking and freeing a chunk of its own each time (Netty's default
 * cache limit, 32 KiB, would halve the batch instead).
 */
public final class AllocatorDefaults {

    /** Netty's property for the largest buffer an event loop's cache keeps. */
    public static final String MAX_CACHED_BUFFER = "io.netty.allocator.maxCachedBufferCapacity";

    /** One chunk of Netty's pooled allocator under Quarkus' settings. */
    static final int QUARKUS_CHUNK_BYTES = 8192 << 3;

    private AllocatorDefaults() {}

    /** The properties and their values. */
    public static Map<String, String> properties() {
        return Map.of(MAX_CACHED_BUFFER, Integer.toString(QUARKUS_CHUNK_BYTES));
    }

    /** Sets each property that {@code target} does not set yet (a {@code -D} option wins). */
    public static void applyTo(Properties target) {
        properties().forEach(target::putIfAbsent);
    }
}
