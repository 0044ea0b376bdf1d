package io.ganeticonfd.logging;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * Formats a log record as glibc's syslog(3) writes it to {@code /dev/log}:
 * {@code <PRI>Mmm dd hh:mm:ss TAG[PID]: MESSAGE}, facility daemon, local time, one line.
 */
final class SyslogFormatter extends Formatter {

    /** Facility {@code LOG_DAEMON} (3), the one Ganeti's daemons log with. */
    static final int FACILITY_DAEMON = 3;

    /** The message as the console shows it (application.properties' console format) without its timestamp. */
    static final String MESSAGE_PATTERN = "%-5p [%c{2.}] %s";

    /** glibc's {@code "%h %e %T"} in the C locale: day of month padded with a space, like {@code Dec  5}. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);

    /** Causes named after an exception; deeper ones are left out, so a record stays one short line. */
    private static final int MAX_CAUSES = 3;

    private final PatternFormatter message = new PatternFormatter(MESSAGE_PATTERN);
    private final String tag;
    private final long pid;
    private final ZoneId zone;

    SyslogFormatter(String tag, long pid, ZoneId zone) {
        this.tag = tag;
        this.pid = pid;
        this.zone = zone;
    }

    @Override
    public String format(LogRecord record) {
        int pri =
                FACILITY_DAEMON * 8 + SyslogSeverity.forLevel(record.getLevel()).code();
        StringBuilder line = new StringBuilder(160).append('<').append(pri).append('>');
        TIMESTAMP.formatTo(record.getInstant().atZone(zone), line);
        line.append(' ').append(tag).append('[').append(pid).append("]: ");
        appendOnOneLine(line, message.format(record));
        if (record.getThrown() != null) {
            line.append(" (");
            appendOnOneLine(line, summary(record.getThrown()));
            line.append(')');
        }
        return line.toString();
    }

    /** The record as the bytes of one datagram (UTF-8, no trailing newline, as glibc sends it). */
    byte[] encode(LogRecord record) {
        return format(record).getBytes(StandardCharsets.UTF_8);
    }

    /** The exception and its first causes, each as {@code Class: message}, without a stack trace. */
    static String summary(Throwable thrown) {
        StringBuilder s = new StringBuilder(thrown.toString());
        Throwable cause = thrown.getCause();
        for (int i = 0; cause != null && cause != thrown && i < MAX_CAUSES; i++) {
            s.append("; caused by ").append(cause);
            cause = cause.getCause();
        }
        if (cause != null && cause != thrown) {
            s.append("; ...");
        }
        return s.toString();
    }

    /** Appends {@code text} with each line break (CR, LF or CRLF) and other control character as one space. */
    static void appendOnOneLine(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            line.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
        }
    }
}
