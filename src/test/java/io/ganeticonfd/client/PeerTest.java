package io.ganeticonfd.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "127.0.0.1,          127.0.0.1,   1814, 127.0.0.1:1814",
        "127.0.0.1:5000,     127.0.0.1,   5000, 127.0.0.1:5000",
        "localhost:5000,     localhost,   5000, localhost:5000",
        "::1,                ::1,         1814, [::1]:1814",
        "[::1],              ::1,         1814, [::1]:1814",
        "[2001:db8::7]:1815, 2001:db8::7, 1815, [2001:db8::7]:1815",
        "' 10.0.0.1 ',       10.0.0.1,    1814, 10.0.0.1:1814"
    })
    void parsesHostAndOptionalPort(String spec, String host, int port, String printed) {
        Peer peer = Peer.parse(spec, 1814);

        assertThat(peer.host()).isEqualTo(host);
        assertThat(peer.port()).isEqualTo(port);
        assertThat(peer.address().isUnresolved()).isFalse();
        assertThat(peer).hasToString(printed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "",
                ":1814",
                "host:0",
                "host:65536",
                "host:x",
                "[::1",
                "[::1]x",
                "[::1]:",
                "[]:5",
                "no-such-host.invalid"
            })
    void rejectsMalformedOrUnresolvableSpecsNamingThem(String spec) {
        assertThatThrownBy(() -> Peer.parse(spec, 1814))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + spec + "'");
    }
}
