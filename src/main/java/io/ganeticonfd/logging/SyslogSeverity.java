package io.ganeticonfd.logging;

import java.util.Optional;
import java.util.logging.Level;

/** Syslog severity (RFC 3164/5424, syslog(3)'s {@code LOG_*} priorities), and which one a log level gets. */
enum SyslogSeverity {
    /** 0, {@code LOG_EMERG}: the system is unusable. */
    EMERGENCY(0),
    /** 1, {@code LOG_ALERT}: action must be taken immediately. */
    ALERT(1),
    /** 2, {@code LOG_CRIT}: critical condition; JBoss's FATAL level. */
    CRITICAL(2),
    /** 3, {@code LOG_ERR}: error; the ERROR (JUL SEVERE) level. */
    ERROR(3),
    /** 4, {@code LOG_WARNING}: warning; the WARN (JUL WARNING) level. */
    WARNING(4),
    /** 5, {@code LOG_NOTICE}: normal but significant condition. */
    NOTICE(5),
    /** 6, {@code LOG_INFO}: informational; the INFO level. */
    INFORMATIONAL(6),
    /** 7, {@code LOG_DEBUG}: debug; DEBUG, TRACE and every JUL level below INFO. */
    DEBUG(7);

    private static final int FATAL = 1100;

    private final int code;

    SyslogSeverity(int code) {
        this.code = code;
    }

    /** The numeric severity in a record's PRI ({@code facility * 8 + severity}). */
    int code() {
        return code;
    }

    /** The severity with this code, if any. */
    static Optional<SyslogSeverity> fromCode(int code) {
        for (SyslogSeverity s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The severity of a record logged at {@code level} (JBoss and JUL levels alike, by their numeric value). */
    static SyslogSeverity forLevel(Level level) {
        int value = level.intValue();
        if (value >= FATAL) {
            return CRITICAL;
        }
        if (value >= Level.SEVERE.intValue()) {
            return ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return WARNING;
        }
        if (value >= Level.INFO.intValue()) {
            return INFORMATIONAL;
        }
        return DEBUG;
    }
}
