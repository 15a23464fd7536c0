package org.instanceha.recovery.hostfailure;

import static org.assertj.core.api.Assertions.assertThat;

import org.instanceha.recovery.NextStep;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {

    @Test
    void withoutABmcStartedFinishesUnconfirmedFencingIsIgnoredStoppedRecovers() {
        assertThat(RegistrationRules.decide("STARTED", "NORMAL", "c1", false).nextStep()).isEqualTo(NextStep.FINISH);
        assertThat(RegistrationRules.decide("STOPPED", "UNKNOWN", "c1", false).nextStep()).isEqualTo(NextStep.IGNORE);
        assertThat(RegistrationRules.decide("STOPPED", "UNKNOWN", "c1", false).reason())
                .contains("With a BMC in the host's control_attributes");
        assertThat(RegistrationRules.decide("STOPPED", null, "c1", false).reason()).contains("host_status missing");
        assertThat(RegistrationRules.decide("STOPPED", "NORMAL", "c1", false).nextStep()).isEqualTo(NextStep.RECOVER);
    }

    @Test
    void withABmcEveryStoppedHostIsRecoveredAfterFencing() {
        assertThat(RegistrationRules.decide("STOPPED", "UNKNOWN", "c1", true).nextStep()).isEqualTo(NextStep.RECOVER);
        assertThat(RegistrationRules.decide("STOPPED", null, "c1", true).nextStep()).isEqualTo(NextStep.RECOVER);
        assertThat(RegistrationRules.decide("STOPPED", "NORMAL", "c1", true).nextStep()).isEqualTo(NextStep.RECOVER);
        assertThat(RegistrationRules.decide("STARTED", "UNKNOWN", "c1", true).nextStep()).isEqualTo(NextStep.FINISH);
    }
}
