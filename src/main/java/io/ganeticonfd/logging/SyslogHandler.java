package io.ganeticonfd.logging;

import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.Level;

/**
 * A java.util.logging handler sending every record to the local syslog socket as one datagram,
 * formatted as glibc's syslog(3) does. Publishing formats on the caller's thread and never blocks.
 */
final class SyslogHandler extends Handler {

    private final SyslogFormatter formatter;
    private final SyslogSocket socket;

    private SyslogHandler(SyslogFormatter formatter, Path socketPath) {
        this.formatter = formatter;
        this.socket = SyslogSocket.open(socketPath, this::lostNote);
        setLevel(Level.ALL);
    }

    /** A handler for {@code socketPath}, connected if the socket takes records now (else see {@link #problem()}). */
    static SyslogHandler open(SyslogFormatter formatter, Path socketPath) {
        return new SyslogHandler(formatter, socketPath);
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record) || socket.onOwnThread()) {
            return;
        }
        byte[] datagram;
        try {
            datagram = formatter.encode(record);
        } catch (RuntimeException e) {
            reportError("cannot format a log record for syslog", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        socket.send(datagram);
    }

    /** Why the socket is not connected, or null when it is. */
    String problem() {
        return socket.problem();
    }

    /** Records dropped and not yet reported to syslog. */
    long lost() {
        return socket.lost();
    }

    @Override
    public void flush() {
        // every record is handed to the socket when published
    }

    /** Sends what was already published (waiting at most 2 s) and closes the socket. */
    @Override
    public void close() {
        socket.close();
    }

    private byte[] lostNote(long count) {
        LogRecord note = new LogRecord(
                Level.WARN,
                count + (count == 1 ? " log record was" : " log records were")
                        + " dropped: the syslog socket did not take them");
        note.setLoggerName(SyslogHandler.class.getName());
        note.setInstant(Instant.now());
        return formatter.encode(note);
    }
}
