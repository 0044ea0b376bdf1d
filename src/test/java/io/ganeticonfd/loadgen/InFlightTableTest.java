package io.ganeticonfd.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-flight request table of a bench socket. */
class InFlightTableTest {

    @Test
    void keepsOriginsThroughDeletesAndCountsExpiredFromTheCountedPeriod() {
        InFlightTable t = new InFlightTable(16);
        for (long seq = 1; seq <= 40; seq++) {
            t.put(seq, seq * 10, seq < 20 ? 0 : 1_000);
        }
        assertThat(t.take(7)).isEqualTo(70);
        assertThat(t.take(7)).isEqualTo(Long.MIN_VALUE);
        assertThat(t.size()).isEqualTo(39);
        assertThat(t.expire(600, 500, 100)).isEqualTo(10);
        assertThat(t.size()).isEqualTo(21);
        for (long seq = 20; seq <= 40; seq++) {
            assertThat(t.take(seq)).isEqualTo(seq * 10);
        }
        assertThat(t.size()).isZero();
    }
}
