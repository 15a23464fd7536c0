package org.instanceha.recovery.hostfailure;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FencingTimeBudgetTest {

    @Test
    void twoBmcCallsAndTheCommitMustFitInAJobsLock() {
        assertThatCode(() -> FencingTimeBudget.check(Duration.ofSeconds(5), Duration.ofSeconds(20)))
                .as("the defaults").doesNotThrowAnyException();
        assertThatCode(() -> FencingTimeBudget.check(Duration.ofSeconds(9), Duration.ofSeconds(20)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> FencingTimeBudget.check(Duration.ofSeconds(10), Duration.ofSeconds(20)))
                .hasMessageContaining("Shorten the call timeout to at most 9000 ms");
    }
}
