package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.instanceha.common.UtcTime;
import org.instanceha.recovery.operator.CompletedTask;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Listener on the completion of "Recover ... by hand": checks the operator's decision
 * ({@link OperatorDecisionCheck}) against the segment's hosts as they are now. A decision that cannot be
 * accepted refuses the completion, and the task stays open (engine-rest's completions are checked before,
 * by {@link OperatorDecisionRequests}, which answers 400 with the reason; this is the guard for every other
 * way to complete a task). An accepted one records who decided, and the VM move no longer waits.
 * <p>
 * Reads {@code vmoveId}, {@code operatorDecision}, {@code chosenHost}, {@code operatorComment}; writes
 * {@code operatorUser} (the Camunda user id that completed the task; its assignee when no one is
 * authenticated).
 */
@Component
public class AcceptOperatorDecision implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptOperatorDecision.class);

    private final VmMoveRepository vmoves;
    private final OperatorDecisionCheck check;
    private final Clock clock;

    AcceptOperatorDecision(VmMoveRepository vmoves, OperatorDecisionCheck check, Clock clock) {
        this.vmoves = vmoves;
        this.check = check;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        VmMove move = vmoves.require((String) task.getVariable(VMOVE_ID));
        String decision = CompletedTask.text(task, OPERATOR_DECISION);
        String chosenHost = CompletedTask.text(task, CHOSEN_HOST);
        Optional<String> problem = check.problem(move.uuid(), decision, chosenHost,
                CompletedTask.text(task, OPERATOR_COMMENT));
        String operator = CompletedTask.accept(task, problem, "Operator decision on " + move.instanceName());
        vmoves.handedOver(move.uuid(), null, UtcTime.now(clock));
        log.info("{} decided {} for {} ({}){}", operator, decision, move.instanceName(), move.instanceUuid(),
                chosenHost != null && !chosenHost.isBlank() ? " on " + chosenHost : "");
    }
}
