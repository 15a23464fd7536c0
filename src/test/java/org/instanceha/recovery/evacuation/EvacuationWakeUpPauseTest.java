package org.instanceha.recovery.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EvacuationWakeUpPauseTest {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    @Test
    void aQuickLookWaitsTheIntervalAndASlowOneAsLongAsItTook() {
        assertThat(EvacuationWakeUp.pause(INTERVAL, Duration.ofMillis(5))).isEqualTo(INTERVAL);
        assertThat(EvacuationWakeUp.pause(INTERVAL, Duration.ofMillis(400)))
                .as("a Nova API that took 0.4 s to list is left alone as long").isEqualTo(Duration.ofMillis(400));
    }
}
