package org.instanceha.recovery.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TierRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void theFirstTierAndATierWhoseEarlierTiersSettledStartAtOnce() {
        assertThat(TierRules.turn(0, 0, T0, T0, TIMEOUT)).as("no earlier tier").isTrue();
        assertThat(TierRules.turn(2, 0, T0, T0, TIMEOUT)).as("earlier tiers settled").isTrue();
    }

    @Test
    void aTierWaitsForUnsettledEarlierTiersAtMostTheTimeoutForEach() {
        assertThat(TierRules.turn(1, 3, T0, T0.plusSeconds(119), TIMEOUT)).isFalse();
        assertThat(TierRules.turn(1, 3, T0, T0.plusSeconds(120), TIMEOUT)).isTrue();
        assertThat(TierRules.turn(2, 1, T0, T0.plusSeconds(239), TIMEOUT)).as("two earlier tiers").isFalse();
        assertThat(TierRules.turn(2, 1, T0, T0.plusSeconds(240), TIMEOUT)).isTrue();
    }
}
