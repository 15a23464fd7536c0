package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.instanceha.common.UtcTime;
import org.instanceha.recovery.operator.CompletedTask;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Listener on the completion of "Rebuild ... ?": checks the operator's decision ({@link
 * OperatorRules#rebuildProblem}); one that cannot be accepted refuses the completion and the task stays open. An
 * accepted one is logged with who took it, and the VM move no longer waits for an operator.
 * <p>
 * Reads {@code vmoveId}, {@code operatorDecision}, {@code operatorComment}; writes {@code operatorUser}.
 */
@Component
public class AcceptRebuildDecision implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptRebuildDecision.class);

    private final VmMoveRepository vmoves;
    private final Clock clock;

    AcceptRebuildDecision(VmMoveRepository vmoves, Clock clock) {
        this.vmoves = vmoves;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        VmMove move = vmoves.require((String) task.getVariable(VMOVE_ID));
        String decision = CompletedTask.text(task, OPERATOR_DECISION);
        String comment = CompletedTask.text(task, OPERATOR_COMMENT);
        Optional<String> problem = OperatorRules.rebuildProblem(decision, comment);
        String operator = CompletedTask.accept(task, problem, "Rebuild decision on " + move.instanceName());
        vmoves.handedOver(move.uuid(), null, UtcTime.now(clock));
        log.info("{} decided {} for {} ({}){}", operator, decision, move.instanceName(), move.instanceUuid(),
                comment == null || comment.isBlank() ? "" : ": " + comment);
    }
}
