package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reply status codes on the wire. */
class ReplyStatusTest {

    @ParameterizedTest
    @CsvSource({"OK, 0", "ERROR, 1", "NOT_IMPLEMENTED, 2"})
    void carriesGanetisWireCode(ReplyStatus status, int code) {
        assertThat(status.code()).isEqualTo(code);
    }

    @Test
    void hasUniqueCodes() {
        assertThat(ReplyStatus.values()).hasSize(3);
        assertThat(Arrays.stream(ReplyStatus.values()).mapToInt(ReplyStatus::code))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(ReplyStatus.class)
    void roundTripsThroughItsCode(ReplyStatus status) {
        assertThat(ReplyStatus.fromCode(status.code())).contains(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void hasNoStatusForOtherCodes(int code) {
        assertThat(ReplyStatus.fromCode(code)).isEmpty();
    }
}
