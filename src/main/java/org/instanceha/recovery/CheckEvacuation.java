package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check evacuation": where the evacuation stands. Reads {@code vmoveId}, {@code evacuationDeadline};
 * writes {@code evacuationState}, and {@code destinationHost} or {@code failureMessage}.
 */
@Component
public class CheckEvacuation implements JavaDelegate {

    private final HostRecoveryService recovery;

    public CheckEvacuation(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EvacuationProgressRules.Outcome outcome = recovery.check((String) execution.getVariable(VMOVE_ID),
                Instant.parse((String) execution.getVariable(EVACUATION_DEADLINE)));
        execution.setVariable(EVACUATION_STATE, outcome.state());
        execution.setVariable(DESTINATION_HOST, outcome.destination());
        execution.setVariable(FAILURE_MESSAGE, outcome.message());
    }
}
