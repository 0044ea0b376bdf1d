package io.ganeticonfd.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * Checks, before logging is set up, whether a syslog daemon listens on the UDP endpoint that
 * {@code --syslog} logs to: a probe message answered by "port unreachable" means nobody does.
 */
final class SyslogProbe {

    private SyslogProbe() {
    }

    /** Whether {@code host:port} seems to accept syslog datagrams (true when it cannot be told). */
    static boolean listening(String host, int port) {
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.connect(new InetSocketAddress(host, port));
            channel.write(ByteBuffer.wrap("<14>1 - - ganeti-confd - - - syslog check".getBytes(StandardCharsets.US_ASCII)));
            channel.socket().setSoTimeout(200);
            channel.socket().receive(new java.net.DatagramPacket(new byte[64], 64));
            return true;
        } catch (PortUnreachableException e) {
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
