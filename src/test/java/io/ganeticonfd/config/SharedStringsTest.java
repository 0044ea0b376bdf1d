package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One instance per distinct value: the first one seen is the one handed back for every equal string. */
class SharedStringsTest {

    @Test
    void equalStringsComeBackAsTheFirstInstanceSeen() {
        SharedStrings strings = new SharedStrings();
        String first = new String("6f5e72e1-963c-4b3b-812e-a475378a95a6");
        String second = new String(first);

        assertThat(strings.of(first)).isSameAs(first);
        assertThat(strings.of(second)).isSameAs(first);
    }

    @Test
    void distinctValuesStayDistinct() {
        SharedStrings strings = new SharedStrings();

        assertThat(strings.of("br0")).isEqualTo("br0");
        assertThat(strings.of("rt100")).isEqualTo("rt100");
        assertThat(strings.of(new String("br0"))).isEqualTo("br0");
    }

    @Test
    void nullStaysNull() {
        assertThat(new SharedStrings().of(null)).isNull();
    }
}
