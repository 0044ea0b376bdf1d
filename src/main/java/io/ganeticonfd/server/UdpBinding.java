package io.ganeticonfd.server;

import java.util.concurrent.atomic.AtomicInteger;

/** Where the UDP sockets listen; records the port actually bound (when 0 was asked for). */
final class UdpBinding {

    private final String host;
    private final AtomicInteger port;
    private final boolean reusePort;
    private final SocketTuning tuning;

    UdpBinding(String host, int port, boolean reusePort, SocketTuning tuning) {
        this.host = host;
        this.port = new AtomicInteger(port);
        this.reusePort = reusePort;
        this.tuning = tuning;
    }

    SocketTuning tuning() {
        return tuning;
    }

    String host() {
        return host;
    }

    int port() {
        return port.get();
    }

    boolean ipv6() {
        return host.indexOf(':') >= 0;
    }

    boolean reusePort() {
        return reusePort;
    }

    /** Notes the port a socket bound, so that further sockets share it. */
    void bound(int actualPort) {
        port.set(actualPort);
    }
}
