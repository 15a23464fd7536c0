package org.instanceha.recovery.hostfailure;

import static org.assertj.core.api.Assertions.assertThat;

import org.instanceha.recovery.NextStep;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {

    @Test
    void startedFinishesUnconfirmedFencingIsIgnoredStoppedRecovers() {
        assertThat(RegistrationRules.decide("STARTED", "NORMAL", "c1").nextStep()).isEqualTo(NextStep.FINISH);
        assertThat(RegistrationRules.decide("STOPPED", "UNKNOWN", "c1").nextStep()).isEqualTo(NextStep.IGNORE);
        assertThat(RegistrationRules.decide("STOPPED", null, "c1").reason()).contains("host_status missing");
        assertThat(RegistrationRules.decide("STOPPED", "NORMAL", "c1").nextStep()).isEqualTo(NextStep.RECOVER);
    }
}
