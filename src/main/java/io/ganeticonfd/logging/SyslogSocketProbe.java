package io.ganeticonfd.logging;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.netty.channel.epoll.Epoll;

/**
 * Tells, before logging is set up, whether the local syslog socket takes records, and if not, why:
 * "no such file", "not a socket", "connection refused" (a socket nobody listens on), ...
 */
public final class SyslogSocketProbe {

    /** Where Ganeti's daemons (glibc's syslog(3)) log. */
    public static final String DEFAULT_SOCKET = "/dev/log";

    private static final int FILE_TYPE_BITS = 0170000;
    private static final int SOCKET_TYPE = 0140000;
    private static final Pattern NATIVE_CALL_PREFIX =
            Pattern.compile("^\\S+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: ");

    private SyslogSocketProbe() {}

    /** Why records cannot be sent to {@code socket} now, or empty when a connect to it succeeds. */
    public static Optional<String> problem(Path socket) {
        if (!Files.exists(socket)) {
            return Optional.of("no such file");
        }
        if (!isSocket(socket)) {
            return Optional.of("not a socket");
        }
        if (!Epoll.isAvailable()) {
            return Optional.of(
                    "Netty's native epoll transport is unavailable: " + describe(Epoll.unavailabilityCause(), socket));
        }
        try (SyslogSocket s = SyslogSocket.open(socket, lost -> new byte[0])) {
            return Optional.ofNullable(s.problem());
        }
    }

    /** Whether {@code path} is a socket (true when the file system cannot tell: connecting will). */
    private static boolean isSocket(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            return !(mode instanceof Integer m) || (m & FILE_TYPE_BITS) == SOCKET_TYPE;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
    }

    /**
     * A failure in a few words: Netty's {@code connect(..) failed with error(-111): Connection refused: /dev/log}
     * becomes "connection refused", its message-less {@code FileNotFoundException} "no such file".
     */
    static String describe(Throwable failure, Path socket) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure instanceof FileNotFoundException
                    ? "no such file"
                    : failure.getClass().getSimpleName();
        }
        String reason = NATIVE_CALL_PREFIX.matcher(message).replaceFirst("");
        if (reason.endsWith(": " + socket)) {
            reason = reason.substring(0, reason.length() - socket.toString().length() - 2);
        }
        return reason.isEmpty() ? message : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
