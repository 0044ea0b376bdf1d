package io.ganeticonfd.server;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the UDP listener ({@code confd.udp.*}). */
@ConfigMapping(prefix = "confd.udp")
public interface UdpSettings {

    /** UDP port; default 1814 (Ganeti's); 0 picks a free port. */
    @WithDefault("1814")
    int port();

    /** Address to listen on; default: every IPv4 and IPv6 address ({@code ::}, or {@code 0.0.0.0} without IPv6). */
    Optional<String> bind();

    /** Sockets (one per event loop, sharing the port with SO_REUSEPORT); default: one per CPU core. */
    Optional<Integer> listeners();

    /** Largest request accepted, in bytes; default 4096 (Ganeti reads at most that). */
    @WithDefault("4096")
    int maxRequestBytes();

    /**
     * Kernel receive buffer (SO_RCVBUF) in bytes, absorbing bursts; default 4 MiB. Linux caps it at
     * {@code net.core.rmem_max} (raise that sysctl to get it all); 0 keeps the system default.
     */
    @WithDefault("4194304")
    int receiveBufferBytes();

    /** Deepest JSON nesting accepted in a request (a valid one nests 3 deep); default 32. */
    @WithDefault("32")
    int maxJsonDepth();

    /** Longest JSON string accepted in a request, in characters; default 4096. */
    @WithDefault("4096")
    int maxJsonStringLength();
}
