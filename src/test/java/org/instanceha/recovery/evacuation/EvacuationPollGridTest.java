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
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(520), SECOND)).isEqualTo(T.plusSeconds(2));
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(990), SECOND)).isEqualTo(T.plusSeconds(2));
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(1499), SECOND)).isEqualTo(T.plusSeconds(2));
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(1500), SECOND)).isEqualTo(T.plusSeconds(3));
    }

    @Test
    void theNextPointIsAtLeastHalfAnIntervalAwaySoALateCheckKeepsItsCadence() {
        // A check due at 2 s that ran 80 ms late waits for 3 s, not for the point it just had.
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(2080), SECOND)).isEqualTo(T.plusSeconds(3));
        for (int ms = 0; ms < 5000; ms += 37) {
            Instant now = T.plusMillis(ms);
            Duration wait = Duration.between(now, EvacuationPollGrid.nextCheck(now, SECOND));
            assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void anyIntervalMakesAGridAndNoneIsTooShort() {
        Duration quarter = Duration.ofMillis(250);
        assertThat(EvacuationPollGrid.nextCheck(T.plusMillis(10), quarter)).isEqualTo(T.plusMillis(250));
        assertThat(EvacuationPollGrid.nextCheck(T, Duration.ZERO)).isAfter(T);
    }
}
