package org.instanceha.recovery.massfailure;

import static org.instanceha.recovery.massfailure.MassFailureApproval.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.instanceha.recovery.operator.CompletedTask;
import org.instanceha.recovery.operator.OperatorRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Listener on the completion of "Approve recovery of N hosts": checks the operator's decision
 * ({@link OperatorRules#approvalProblem}); one that cannot be accepted refuses the completion and the task stays
 * open. An accepted one is logged with who took it, and kept in Camunda's history with the task's variables.
 * <p>
 * Reads {@code segmentName}, {@code hostCount}, {@code operatorDecision}, {@code operatorComment}; writes
 * {@code operatorUser}.
 */
@Component
public class AcceptApprovalDecision implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptApprovalDecision.class);

    @Override
    public void notify(DelegateTask task) {
        String decision = CompletedTask.text(task, OPERATOR_DECISION);
        String comment = CompletedTask.text(task, OPERATOR_COMMENT);
        Optional<String> problem = OperatorRules.approvalProblem(decision, comment);
        String operator = CompletedTask.accept(task, problem, "Mass failure decision");
        log.warn("{} decided {} for the mass failure of {} hosts of segment {}{}", operator, decision,
                task.getVariable(HOST_COUNT), task.getVariable(SEGMENT_NAME),
                comment == null || comment.isBlank() ? "" : ": " + comment);
    }
}
