package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At most one reload per interval, changes coalesced, the last change never lost, a changed file
 * read only once quiet for the settle time; times are fixed numbers.
 */
class ReloadThrottleTest {

    static final long SECOND = 1_000_000_000L;
    static final long MS = 1_000_000L;

    final ReloadThrottle throttle = new ReloadThrottle(SECOND, 0);

    @Test
    void isIdleUntilSomethingChanges() {
        assertThat(throttle.delay(0)).isEqualTo(ReloadThrottle.IDLE);
        assertThat(throttle.delay(5 * SECOND)).isEqualTo(ReloadThrottle.IDLE);
    }

    @Test
    void reloadsTheFirstChangeAtOnce() {
        throttle.changed(0);

        assertThat(throttle.delay(123)).isZero();
    }

    @Test
    void isIdleAgainAfterTheReload() {
        throttle.changed(0);
        throttle.reloaded(10 * SECOND);

        assertThat(throttle.delay(10 * SECOND + 1)).isEqualTo(ReloadThrottle.IDLE);
    }

    @Test
    void delaysAChangeWithinTheIntervalUntilItEnds() {
        throttle.changed(0);
        throttle.reloaded(10 * SECOND);

        throttle.changed(0);

        assertThat(throttle.delay(10 * SECOND + 100 * MS)).isEqualTo(900 * MS);
        assertThat(throttle.delay(10 * SECOND + 999 * MS)).isEqualTo(MS);
        assertThat(throttle.delay(11 * SECOND)).isZero();
        assertThat(throttle.delay(12 * SECOND)).as("never negative").isZero();
    }

    @Test
    void reloadsAtOnceAfterAQuietPeriod() {
        throttle.changed(0);
        throttle.reloaded(10 * SECOND);

        throttle.changed(0);

        assertThat(throttle.delay(15 * SECOND)).isZero();
    }

    @Test
    void coalescesABurstIntoOneReloadAtTheEndOfTheInterval() {
        throttle.changed(0);
        throttle.reloaded(0);
        int reloads = 0;
        for (long t = 50 * MS; t <= 400 * MS; t += 50 * MS) {
            throttle.changed(t);
            if (throttle.delay(t) == 0) {
                throttle.reloaded(t);
                reloads++;
            }
        }

        assertThat(reloads).isZero();
        assertThat(throttle.delay(400 * MS)).isEqualTo(600 * MS);
        assertThat(throttle.delay(SECOND)).isZero();
        throttle.reloaded(SECOND);
        assertThat(throttle.delay(SECOND)).isEqualTo(ReloadThrottle.IDLE);
    }

    @Test
    void keepsAChangeThatArrivesWhileAReloadRuns() {
        throttle.changed(0);
        throttle.reloaded(0);

        throttle.changed(0);

        assertThat(throttle.delay(1)).isEqualTo(SECOND - 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE / 2, -5 * SECOND, 0, 7 * SECOND, Long.MAX_VALUE / 2})
    void worksFromAnyTimeOrigin(long origin) {
        throttle.changed(origin);
        throttle.reloaded(origin);
        throttle.changed(origin);

        assertThat(throttle.delay(origin + 250 * MS)).isEqualTo(750 * MS);
        assertThat(throttle.delay(origin + SECOND)).isZero();
    }

    @Test
    void honoursItsInterval() {
        ReloadThrottle quick = new ReloadThrottle(250 * MS, 0);
        quick.changed(0);
        quick.reloaded(0);
        quick.changed(0);

        assertThat(quick.delay(100 * MS)).isEqualTo(150 * MS);
    }

    @Test
    void waitsUntilAChangedFileHasBeenQuietForTheSettleTime() {
        ReloadThrottle settling = new ReloadThrottle(SECOND, 100 * MS);
        settling.changed(0);
        assertThat(settling.delay(0)).isEqualTo(100 * MS);
        settling.changed(60 * MS);
        assertThat(settling.delay(100 * MS))
                .as("a later change restarts the settle time")
                .isEqualTo(60 * MS);
        assertThat(settling.delay(160 * MS)).isZero();
        settling.reloaded(160 * MS);
        settling.changed(200 * MS);
        assertThat(settling.delay(300 * MS))
                .as("then the interval still applies")
                .isEqualTo(860 * MS);
    }

    @Test
    void readsAheadOnceAChangeHasBeenQuietBrieflyWithoutWaitingForTheSettleTime() {
        ReloadThrottle settling = new ReloadThrottle(SECOND, 100 * MS);
        assertThat(settling.readAheadDelay(0)).isEqualTo(ReloadThrottle.IDLE);
        settling.changed(0);
        assertThat(settling.readAheadDelay(0)).isEqualTo(ReloadThrottle.READ_AHEAD_QUIET_NANOS);
        assertThat(settling.readAheadDelay(20 * MS)).isZero();
        assertThat(settling.settleDelay(20 * MS)).as("served only once settled").isEqualTo(80 * MS);
        assertThat(settling.settleDelay(150 * MS)).isZero();
    }

    @Test
    void readsAheadAtMostOncePerInterval() {
        ReloadThrottle settling = new ReloadThrottle(SECOND, 100 * MS);
        settling.changed(0);
        settling.reloaded(20 * MS);
        assertThat(settling.pending()).isFalse();
        settling.changed(50 * MS);
        assertThat(settling.pending()).as("the file changed after it was read").isTrue();
        assertThat(settling.readAheadDelay(100 * MS)).isEqualTo(920 * MS);
        assertThat(settling.readAheadDelay(SECOND + 20 * MS)).isZero();
    }

    @Test
    void readsAheadAsSoonAsTheSettleTimeWhenItIsShorterThanTheReadAheadQuietTime() {
        ReloadThrottle quick = new ReloadThrottle(SECOND, 5 * MS);
        quick.changed(0);
        assertThat(quick.readAheadDelay(0)).isEqualTo(5 * MS);
        ReloadThrottle immediate = new ReloadThrottle(SECOND, 0);
        immediate.changed(0);
        assertThat(immediate.readAheadDelay(0)).isZero();
    }

    @Test
    void readsAReplacedFileAtOnceWithoutTheQuietTime() {
        ReloadThrottle settling = new ReloadThrottle(SECOND, 100 * MS);
        settling.changed(0);
        settling.reloaded(0);

        settling.changed(5 * SECOND);

        assertThat(settling.replacementDelay(5 * SECOND)).isZero();
        assertThat(settling.readAheadDelay(5 * SECOND)).isEqualTo(ReloadThrottle.READ_AHEAD_QUIET_NANOS);
        assertThat(settling.delay(5 * SECOND)).isEqualTo(100 * MS);
    }

    @Test
    void readsAReplacedFileAtMostOncePerInterval() {
        ReloadThrottle settling = new ReloadThrottle(SECOND, 100 * MS);
        settling.changed(0);
        settling.reloaded(0);

        settling.changed(300 * MS);

        assertThat(settling.replacementDelay(300 * MS)).isEqualTo(700 * MS);
        assertThat(settling.replacementDelay(SECOND)).isZero();
        settling.reloaded(SECOND);
        assertThat(settling.replacementDelay(SECOND)).isEqualTo(ReloadThrottle.IDLE);
    }
}
