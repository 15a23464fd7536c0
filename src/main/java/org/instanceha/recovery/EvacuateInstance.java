package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.BpmnError;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Evacuate instance": asks Nova to rebuild the instance on its planned target, unless it already
 * moved. Reads {@code vmoveId}; writes {@code evacuationDeadline}. Throws BPMN error
 * {@code EVACUATION_REFUSED} when Nova refuses for good; Nova outages are retried by the job executor.
 */
@Component
public class EvacuateInstance implements JavaDelegate {

    private final HostRecoveryService recovery;

    public EvacuateInstance(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            Instant deadline = recovery.evacuate((String) execution.getVariable(VMOVE_ID),
                    execution.getCurrentActivityName());
            execution.setVariable(EVACUATION_DEADLINE, deadline.toString());
        } catch (HostRecoveryService.EvacuationRefused e) {
            throw new BpmnError(ERROR_EVACUATION_REFUSED, e.getMessage());
        }
    }
}
