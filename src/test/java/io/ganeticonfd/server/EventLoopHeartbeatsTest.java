package io.ganeticonfd.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every registered event loop is tracked, however many there are. */
class EventLoopHeartbeatsTest {

    @Test
    void tracksMoreLoopsThanAnyFixedTableWouldHold() {
        EventLoopHeartbeats heartbeats = new EventLoopHeartbeats();
        int last = -1;
        for (int i = 0; i < 300; i++) {
            last = heartbeats.register();
        }

        heartbeats.beat(last);

        assertThat(last).isEqualTo(299);
        assertThat(heartbeats.loops()).isEqualTo(300);
        assertThat(heartbeats.oldestBeatAgeMillis()).isBetween(0L, 60_000L);
    }

    @Test
    void hasNoAgeWithoutLoops() {
        assertThat(new EventLoopHeartbeats().oldestBeatAgeMillis()).isZero();
        assertThat(new EventLoopHeartbeats().loops()).isZero();
    }
}
