package io.ganeticonfd.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectedRepliesTest {

    @ParameterizedTest(name = "{0} asked -> {1} expected")
    @CsvSource({"1,1", "2,2", "3,2", "4,3", "5,3", "6,4", "7,4", "8,5", "12,7"})
    void followsGanetisRule(int asked, int expected) {
        assertThat(ExpectedReplies.forPeers(asked)).isEqualTo(expected);
    }
}
