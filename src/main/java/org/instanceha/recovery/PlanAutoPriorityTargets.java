package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import java.util.ArrayList;
import java.util.List;

import org.instanceha.segment.RecoveryMethod;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Plans targets with method {@code auto_priority}: see {@link TargetPlanner}. Moves nothing can take fail with
 * the planner's reason. Reads {@code notificationUuid}, {@code hostname}; writes {@code vmoveIds} (the planned moves).
 */
@Component
public class PlanAutoPriorityTargets implements JavaDelegate {

    private final HostRecoveryService recovery;

    public PlanAutoPriorityTargets(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> planned = recovery.plan((String) execution.getVariable(NOTIFICATION_UUID),
                execution.getCurrentActivityName(), (String) execution.getVariable(HOSTNAME), RecoveryMethod.AUTO_PRIORITY);
        execution.setVariable(VMOVE_IDS, new ArrayList<>(planned));
    }
}
