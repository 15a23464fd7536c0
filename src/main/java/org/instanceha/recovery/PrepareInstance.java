package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import org.camunda.bpm.engine.delegate.BpmnError;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Prepare instance": locks it, and resets it to error where Nova would refuse to evacuate it.
 * Reads {@code vmoveId}. Throws BPMN error {@code EVACUATION_REFUSED} when the instance is gone.
 */
@Component
public class PrepareInstance implements JavaDelegate {

    private final HostRecoveryService recovery;

    public PrepareInstance(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            recovery.prepare((String) execution.getVariable(VMOVE_ID), execution.getCurrentActivityName());
        } catch (HostRecoveryService.EvacuationRefused e) {
            throw new BpmnError(ERROR_EVACUATION_REFUSED, e.getMessage());
        }
    }
}
