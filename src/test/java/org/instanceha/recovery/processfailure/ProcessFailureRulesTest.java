package org.instanceha.recovery.processfailure;

import static org.assertj.core.api.Assertions.assertThat;

import org.instanceha.recovery.NextStep;
import org.junit.jupiter.api.Test;

class ProcessFailureRulesTest {

    @Test
    void aStartedProcessFinishesAtOnce() {
        var decision = ProcessFailureRules.decide("STARTED", "nova-compute", "c1");
        assertThat(decision.nextStep()).isEqualTo(NextStep.FINISH);
        assertThat(decision.disableService()).isFalse();
        assertThat(decision.reason()).isEqualTo("Process nova-compute on c1 reported STARTED: nothing to do.");
    }

    @Test
    void onlyAStoppedNovaComputeDisablesTheService() {
        var novaCompute = ProcessFailureRules.decide("STOPPED", "nova-compute", "c1");
        assertThat(novaCompute.nextStep()).isEqualTo(NextStep.RECOVER);
        assertThat(novaCompute.disableService()).isTrue();
        assertThat(novaCompute.reason()).isNull();

        var other = ProcessFailureRules.decide("STOPPED", "libvirtd", "c1");
        assertThat(other.nextStep()).as("still on maintenance").isEqualTo(NextStep.RECOVER);
        assertThat(other.disableService()).isFalse();
        assertThat(other.reason()).contains("nothing else is needed");
    }
}
