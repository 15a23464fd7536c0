package org.instanceha.recovery.returning;

import static org.instanceha.recovery.operator.OperatorTasks.*;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.instanceha.recovery.WorkflowNames;
import org.instanceha.recovery.operator.CompletedTask;
import org.instanceha.recovery.operator.OperatorRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Listener on the completion of "Return &lt;host&gt; to service?": checks the operator's decision
 * ({@link OperatorRules#returnProblem}); one that cannot be accepted refuses the completion and the task stays
 * open. An accepted one is logged with who took it; keeping the host out writes the comment as the reason.
 * <p>
 * Reads {@code hostname}, {@code operatorDecision}, {@code operatorComment}; writes {@code operatorUser},
 * {@code keepOutReason}.
 */
@Component
public class AcceptReturnDecision implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptReturnDecision.class);

    @Override
    public void notify(DelegateTask task) {
        String decision = CompletedTask.text(task, OPERATOR_DECISION);
        String comment = CompletedTask.text(task, OPERATOR_COMMENT);
        Optional<String> problem = OperatorRules.returnProblem(decision, comment);
        String operator = CompletedTask.accept(task, problem, "Return decision");
        Object host = task.getVariable(WorkflowNames.HOSTNAME);
        if (OperatorRules.Decision.KEEP_OUT.wireName().equals(decision)) {
            task.setVariable(KEEP_OUT_REASON, operator + " keeps " + host + " out of service: " + comment);
        }
        log.warn("{} decided {} for returning {} to service{}", operator, decision, host,
                comment == null || comment.isBlank() ? "" : ": " + comment);
    }
}
