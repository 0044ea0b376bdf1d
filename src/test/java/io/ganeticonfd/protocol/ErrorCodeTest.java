package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numeric error answers. */
class ErrorCodeTest {

    @ParameterizedTest
    @CsvSource({"UNKNOWN_ENTRY, 0", "INTERNAL, 1", "ARGUMENT, 2"})
    void carriesGanetisWireCode(ErrorCode error, int code) {
        assertThat(error.code()).isEqualTo(code);
    }

    @Test
    void hasUniqueCodes() {
        assertThat(ErrorCode.values()).hasSize(3);
        assertThat(Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::code)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void roundTripsThroughItsCode(ErrorCode error) {
        assertThat(ErrorCode.fromCode(error.code())).contains(error);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void isTheAnswerOfItsErrorReply(ErrorCode error) {
        assertThat(ReplyBody.error(error).text())
                .isEqualTo("{\"protocol\":1,\"status\":1,\"answer\":" + error.code() + ",\"serial\":0}");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void hasNoErrorForOtherCodes(int code) {
        assertThat(ErrorCode.fromCode(code)).isEmpty();
    }
}
