package org.instanceha.recovery.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class EvacuationPollGridTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Instant T = Instant.parse("2026-12-07T22:00:00Z");

    @Test
    void evacuationsSentApartAreCheckedAtTheSameInstants() {
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(20), SECOND)).isEqualTo(T.plusSeconds(1));
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(520), SECOND)).isEqualTo(T.plusSeconds(1));
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(899), SECOND)).isEqualTo(T.plusSeconds(1));
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(900), SECOND)).isEqualTo(T.plusSeconds(2));
    }

    @Test
    void aCheckThatRanLateKeepsItsCadence() {
        // Due at 2 s, picked up and answered 300 ms late: next at 3 s, neither the point it just had nor 4 s.
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(2300), SECOND)).isEqualTo(T.plusSeconds(3));
        Duration half = Duration.ofMillis(500);
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(2300), half)).isEqualTo(T.plusMillis(2500));
        for (int ms = 0; ms < 5000; ms += 37) {
            Instant now = T.plusMillis(ms);
            Duration wait = Duration.between(now, EvacuationPollGrid.nextCheck(now, SECOND));
            assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThanOrEqualTo(Duration.ofMillis(1100));
        }
    }

    @Test
    void anyIntervalMakesAGridAndNoneIsTooShort() {
        Duration quarter = Duration.ofMillis(250);
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(10), quarter)).isEqualTo(T.plusMillis(250));
        assertThat(EvacuationPollGrid.nextCheck(T, Duration.ZERO)).isAfter(T);
    }
}
