package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Claim evacuation slot": starts the VM move if fewer than {@code max-parallel-evacuations} of the
 * notification are ongoing. Reads {@code vmoveId}; writes {@code slotClaimed}.
 */
@Component
public class ClaimEvacuationSlot implements JavaDelegate {

    private final HostRecoveryService recovery;

    public ClaimEvacuationSlot(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SLOT_CLAIMED, recovery.claimSlot((String) execution.getVariable(VMOVE_ID)));
    }
}
