package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Drop reasons: their metric tags are stable, unique and Prometheus-friendly. */
class RejectReasonTest {

    @ParameterizedTest
    @CsvSource({
        "OVERSIZE, oversize",
        "BAD_MAGIC, bad_magic",
        "BAD_JSON, bad_json",
        "BAD_ENVELOPE, bad_envelope",
        "BAD_HMAC, bad_hmac",
        "BAD_SALT, bad_salt",
        "CLOCK_SKEW, clock_skew",
        "BAD_REQUEST, bad_request",
        "UNKNOWN_TYPE, unknown_type"
    })
    void hasAStableMetricTag(RejectReason reason, String tag) {
        assertThat(reason.tag()).isEqualTo(tag);
    }

    @Test
    void hasNineReasonsWithUniqueTags() {
        assertThat(RejectReason.values()).hasSize(9);
        assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::tag)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(RejectReason.class)
    void tagIsTheLowerCaseName(RejectReason reason) {
        assertThat(reason.tag())
                .isEqualTo(reason.name().toLowerCase(Locale.ROOT))
                .matches("[a-z_]+");
    }
}
