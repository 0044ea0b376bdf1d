package io.ganeticonfd.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** Decides how many UDP sockets to open and on which address by default. */
final class ListenerPlan {

    private ListenerPlan() {}

    /** Sockets to open: as configured, else one per core; always 1 without the native transport (no SO_REUSEPORT). */
    static int listeners(Optional<Integer> configured, boolean nativeTransport) {
        int wanted = configured.orElse(Runtime.getRuntime().availableProcessors());
        return nativeTransport ? Math.max(1, wanted) : 1;
    }

    /** {@code ::} (IPv4 and IPv6) when the host has IPv6, else {@code 0.0.0.0}. */
    static String defaultBindAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet6Address) {
                        return "::";
                    }
                }
            }
        } catch (SocketException e) {
            return "0.0.0.0";
        }
        return "0.0.0.0";
    }
}
