package io.ganeticonfd.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Syslog severities: their codes, and the one each log level gets. */
class SyslogSeverityTest {

    @ParameterizedTest
    @CsvSource({
        "EMERGENCY, 0",
        "ALERT, 1",
        "CRITICAL, 2",
        "ERROR, 3",
        "WARNING, 4",
        "NOTICE, 5",
        "INFORMATIONAL, 6",
        "DEBUG, 7"
    })
    void carriesSyslogsCode(SyslogSeverity severity, int code) {
        assertThat(severity.code()).isEqualTo(code);
    }

    @Test
    void hasUniqueCodes() {
        assertThat(SyslogSeverity.values()).hasSize(8);
        assertThat(Arrays.stream(SyslogSeverity.values()).mapToInt(SyslogSeverity::code))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(SyslogSeverity.class)
    void roundTripsThroughItsCode(SyslogSeverity severity) {
        assertThat(SyslogSeverity.fromCode(severity.code())).contains(severity);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 8, 24, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void hasNoSeverityForOtherCodes(int code) {
        assertThat(SyslogSeverity.fromCode(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "FATAL, CRITICAL",
        "ERROR, ERROR",
        "WARN, WARNING",
        "INFO, INFORMATIONAL",
        "DEBUG, DEBUG",
        "TRACE, DEBUG"
    })
    void mapsJbossLevels(String level, SyslogSeverity severity) {
        assertThat(SyslogSeverity.forLevel(SyslogFormatterTest.jbossLevel(level)))
                .isEqualTo(severity);
    }

    @ParameterizedTest
    @CsvSource({
        "SEVERE, ERROR",
        "WARNING, WARNING",
        "INFO, INFORMATIONAL",
        "CONFIG, DEBUG",
        "FINE, DEBUG",
        "FINEST, DEBUG"
    })
    void mapsJulLevels(String level, SyslogSeverity severity) {
        assertThat(SyslogSeverity.forLevel(Level.parse(level))).isEqualTo(severity);
    }
}
