package org.instanceha.recovery.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules the per-instance tasks and the planning task apply, without Nova, Spring or Camunda. */

class PowerStateRulesTest {

    @Test
    void aStoppedInstanceIsStoppedAgainAndOneInErrorResetToError() {
        assertThat(PowerStateRules.afterEvacuation("stopped", "active")).isEqualTo(PowerStateRules.Restore.STOP);
        assertThat(PowerStateRules.afterEvacuation("stopped", "stopped")).isEqualTo(PowerStateRules.Restore.NOTHING);
        assertThat(PowerStateRules.afterEvacuation("error", "active")).isEqualTo(PowerStateRules.Restore.RESET_TO_ERROR);
        assertThat(PowerStateRules.afterEvacuation("error", "error")).isEqualTo(PowerStateRules.Restore.NOTHING);
        assertThat(PowerStateRules.afterEvacuation("active", "active")).isEqualTo(PowerStateRules.Restore.NOTHING);
    }
}
