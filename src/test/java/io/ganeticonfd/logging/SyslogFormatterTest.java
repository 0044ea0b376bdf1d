package io.ganeticonfd.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Records formatted as glibc's syslog(3) sends them to /dev/log. */
class SyslogFormatterTest {

    private static final Instant DEC_5 = Instant.parse("2026-12-05T09:12:32.456Z");
    private static final SyslogFormatter UTC = new SyslogFormatter("ganeti-confd", 4242, ZoneOffset.UTC);

    /** The JBoss level of this name (FATAL, ERROR, WARN, INFO, DEBUG, TRACE). */
    static Level jbossLevel(String name) {
        return switch (name) {
            case "FATAL" -> org.jboss.logmanager.Level.FATAL;
            case "ERROR" -> org.jboss.logmanager.Level.ERROR;
            case "WARN" -> org.jboss.logmanager.Level.WARN;
            case "INFO" -> org.jboss.logmanager.Level.INFO;
            case "DEBUG" -> org.jboss.logmanager.Level.DEBUG;
            case "TRACE" -> org.jboss.logmanager.Level.TRACE;
            default -> throw new IllegalArgumentException(name);
        };
    }

    static LogRecord record(Level level, String loggerName, String printfFormat, Object... args) {
        ExtLogRecord r = new ExtLogRecord(
                level, printfFormat, ExtLogRecord.FormatStyle.PRINTF, SyslogFormatterTest.class.getName());
        r.setParameters(args);
        r.setLoggerName(loggerName);
        r.setInstant(DEC_5);
        return r;
    }

    @Test
    void writesPriTimestampTagPidAndTheConsoleMessage() {
        LogRecord r = record(
                org.jboss.logmanager.Level.INFO,
                "io.ganeticonfd.server.DaemonLifecycle",
                "Answering confd queries on UDP [%s]:%d",
                "::",
                1814);

        assertThat(UTC.format(r))
                .isEqualTo(
                        "<30>Dec  5 09:12:32 ganeti-confd[4242]: INFO  [io.ga.se.DaemonLifecycle] Answering confd queries on UDP [::]:1814");
    }

    @ParameterizedTest
    @CsvSource({"FATAL, 26", "ERROR, 27", "WARN, 28", "INFO, 30", "DEBUG, 31", "TRACE, 31"})
    void putsFacilityDaemonAndTheLevelsSeverityInThePri(String level, int pri) {
        LogRecord r = record(jbossLevel(level), "x", "m");

        assertThat(UTC.format(r)).startsWith("<" + pri + ">Dec  5 09:12:32 ganeti-confd[4242]: ");
    }

    @Test
    void padsTheDayWithASpaceOnlyBelowTen() {
        LogRecord r = record(org.jboss.logmanager.Level.INFO, "x", "m");
        r.setInstant(Instant.parse("2027-01-15T23:05:09Z"));

        assertThat(UTC.format(r)).startsWith("<30>Jan 15 23:05:09 ");
    }

    @Test
    void usesTheGivenLocalTimeZone() {
        LogRecord r = record(org.jboss.logmanager.Level.INFO, "x", "m");

        assertThat(new SyslogFormatter("t", 1, ZoneId.of("Europe/Berlin")).format(r))
                .startsWith("<30>Dec  5 10:12:32 t[1]: ");
    }

    @Test
    void formatsJulStyleMessagesToo() {
        LogRecord r = new LogRecord(Level.WARNING, "file {0} changed");
        r.setParameters(new Object[] {"config.data"});
        r.setLoggerName("io.ganeticonfd.config.FileWatcher");
        r.setInstant(DEC_5);

        assertThat(UTC.format(r))
                .endsWith("ganeti-confd[4242]: WARNING [io.ga.co.FileWatcher] file config.data changed");
    }

    @Test
    void keepsAMultiLineMessageOnOneLine() {
        LogRecord r = record(org.jboss.logmanager.Level.ERROR, "x", "first\nsecond\r\nthird\rfourth\u0000end\ttab");

        assertThat(UTC.format(r))
                .endsWith("ERROR [x] first second third fourth end\ttab")
                .doesNotContain("\n", "\r", "\u0000");
    }

    @Test
    void summarisesAnExceptionWithItsCausesOnTheSameLineWithoutAStackTrace() {
        LogRecord r = record(org.jboss.logmanager.Level.ERROR, "x", "Cannot reload");
        r.setThrown(new IllegalStateException(
                "bad\nstate", new UncheckedIOException("read failed", new IOException("disk"))));

        assertThat(UTC.format(r))
                .endsWith("ERROR [x] Cannot reload (java.lang.IllegalStateException: bad state; "
                        + "caused by java.io.UncheckedIOException: read failed; caused by java.io.IOException: disk)")
                .doesNotContain("\tat ", "\n");
    }

    @Test
    void cutsALongCauseChainShort() {
        Throwable t = new RuntimeException("0");
        for (int i = 1; i <= 10; i++) {
            t = new RuntimeException(Integer.toString(i), t);
        }
        assertThat(SyslogFormatter.summary(t))
                .isEqualTo("java.lang.RuntimeException: 10; caused by java.lang.RuntimeException: 9; "
                        + "caused by java.lang.RuntimeException: 8; caused by java.lang.RuntimeException: 7; ...");
    }

    @Test
    void encodesUtf8WithoutATrailingNewline() {
        LogRecord r = record(org.jboss.logmanager.Level.INFO, "x", "Grüße");

        byte[] datagram = UTC.encode(r);

        assertThat(datagram).endsWith("INFO  [x] Grüße".getBytes(StandardCharsets.UTF_8));
    }
}
