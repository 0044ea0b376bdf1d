package io.ganeticonfd.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A confd server the client asks: the host as given (name or IP literal) and its resolved
 * address. Printed as {@code host:port}, or {@code [v6]:port} for IPv6 literals.
 */
public record Peer(String host, InetSocketAddress address) {

    /**
     * The peer written as {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port} (a bare
     * IPv6 literal takes {@code defaultPort}); names are resolved now.
     *
     * @throws IllegalArgumentException when the text is malformed or the name does not resolve
     */
    public static Peer parse(String spec, int defaultPort) {
        String text = spec.strip();
        String host = text;
        int port = defaultPort;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("invalid peer '" + spec + "': missing ']'");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("invalid peer '" + spec + "': junk after ']'");
                }
                port = port(rest.substring(1), spec);
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = port(text.substring(text.indexOf(':') + 1), spec);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("invalid peer '" + spec + "': no host");
        }
        return new Peer(host, new InetSocketAddress(resolve(host, spec), port));
    }

    /** A peer for a reply that came from an address the client did not ask. */
    static Peer of(InetSocketAddress address) {
        return new Peer(address.getAddress().getHostAddress(), address);
    }

    /** The UDP port. */
    public int port() {
        return address.getPort();
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static int port(String text, String spec) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid peer '" + spec + "': bad port '" + text + "'");
    }

    private static InetAddress resolve(String host, String spec) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid peer '" + spec + "': cannot resolve '" + host + "'");
        }
    }
}
