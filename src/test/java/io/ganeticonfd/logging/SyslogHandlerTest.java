package io.ganeticonfd.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ganeticonfd.support.Closer;
import io.ganeticonfd.support.DevLogReceiver;

/** The handler against a real Unix datagram socket standing in for /dev/log. */
class SyslogHandlerTest {

    static final long PID = ProcessHandle.current().pid();
    /** {@code <PRI>Mmm dd hh:mm:ss ganeti-confd[PID]: MESSAGE}, as glibc's syslog(3) sends it. */
    static final Pattern GLIBC_RECORD = Pattern.compile(
            "<(\\d{1,3})>(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 123]\\d [0-2]\\d:[0-5]\\d:[0-6]\\d ganeti-confd\\["
                    + PID + "\\]: ([^\\n]*)");

    static final Pattern NOTE =
            Pattern.compile("<28>.*WARN  \\[io.ga.lo.SyslogHandler\\] (\\d+) log records? (was|were) dropped: "
                    + "the syslog socket did not take them$");

    @TempDir
    Path dir;

    @RegisterExtension
    final Closer closer = new Closer();

    private SyslogHandler handler(Path socket) {
        SyslogHandler h = SyslogHandler.open(new SyslogFormatter("ganeti-confd", PID, ZoneId.systemDefault()), socket);
        closer.track(h::close);
        return h;
    }

    private static LogRecord record(Level level, String message) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("io.ganeticonfd.server.Probe");
        return r;
    }

    @ParameterizedTest
    @CsvSource({"ERROR, 27", "WARN, 28", "INFO, 30", "DEBUG, 31", "TRACE, 31"})
    void sendsEachRecordAsOneDatagramAsGlibcDoes(String level, int pri) {
        Path socket = dir.resolve("log");
        DevLogReceiver syslog = closer.track(DevLogReceiver.bind(socket));
        SyslogHandler h = handler(socket);

        h.publish(record(SyslogFormatterTest.jbossLevel(level), "hello\nworld"));

        await().untilAsserted(() -> assertThat(syslog.records()).hasSize(1));
        Matcher m = GLIBC_RECORD.matcher(syslog.records().get(0));
        assertThat(m.matches()).as(syslog.records().get(0)).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(pri);
        assertThat(m.group(3)).isEqualTo(String.format("%-5s [io.ga.se.Probe] hello world", level));
        assertThat(h.lost()).isZero();
    }

    @Test
    void dropsWhatTheSocketCannotTakeAndReportsHowManyOnceItCan() {
        Path socket = dir.resolve("log");
        DevLogReceiver syslog = closer.track(DevLogReceiver.bindNotReading(socket));
        SyslogHandler h = handler(socket);
        int published = 5000;

        for (int i = 0; i < published; i++) {
            h.publish(record(Level.INFO, "record " + i));
        }
        syslog.startReading();

        await().untilAsserted(() -> {
            List<String> got = syslog.records();
            long delivered =
                    got.stream().filter(r -> r.matches(".*\\] record \\d+$")).count();
            long reported = got.stream()
                    .map(NOTE::matcher)
                    .filter(Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1)))
                    .sum();
            assertThat(reported).as("records dropped while the reader stalled").isPositive();
            assertThat(delivered + reported)
                    .as("every record delivered or reported dropped")
                    .isEqualTo(published);
            assertThat(h.lost()).isZero();
        });
    }

    @Test
    void reconnectsWhenTheSyslogDaemonIsBackAndReportsWhatItMissed() throws IOException {
        Path socket = dir.resolve("log");
        DevLogReceiver first = DevLogReceiver.bind(socket);
        SyslogHandler h = handler(socket);
        h.publish(record(Level.INFO, "before"));
        await().untilAsserted(() -> assertThat(first.records()).hasSize(1));
        first.close();
        Files.delete(socket);

        h.publish(record(Level.INFO, "while away"));
        await().untilAsserted(() -> assertThat(h.lost()).isEqualTo(1));
        DevLogReceiver second = closer.track(DevLogReceiver.bind(socket));

        await().untilAsserted(() -> {
            h.publish(record(Level.INFO, "after"));
            assertThat(second.records()).anyMatch(r -> r.endsWith("] after"));
        });
        await().untilAsserted(() ->
                assertThat(second.records()).anyMatch(r -> NOTE.matcher(r).matches()));
        assertThat(second.records()).noneMatch(r -> r.contains("while away"));
    }

    @Test
    void countsRecordsWhileNoSocketIsThere() {
        SyslogHandler h = handler(dir.resolve("absent"));

        h.publish(record(Level.SEVERE, "nobody hears this"));

        assertThat(h.problem()).isEqualTo("no such file");
        assertThat(h.lost()).isEqualTo(1);
    }
}
