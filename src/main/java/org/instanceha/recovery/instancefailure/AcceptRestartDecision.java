package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.instanceha.common.UtcTime;
import org.instanceha.recovery.operator.CompletedTask;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Listener on the completion of "Restart ... by hand": checks the operator's decision
 * ({@link OperatorRules#restartProblem}); one that cannot be accepted refuses the completion and the task
 * stays open (engine-rest's and Tasklist's completions are checked before, by
 * {@link OperatorDecisionRequests}). An accepted one records who decided, and the attempt no longer waits.
 * <p>
 * Reads {@code restartId}, {@code operatorDecision}, {@code operatorComment}; writes {@code operatorUser}.
 */
@Component
public class AcceptRestartDecision implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(AcceptRestartDecision.class);

    private final InstanceRestartRepository restarts;
    private final Clock clock;

    AcceptRestartDecision(InstanceRestartRepository restarts, Clock clock) {
        this.restarts = restarts;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        InstanceRestart restart = restarts.require((String) task.getVariable(RESTART_ID));
        String decision = CompletedTask.text(task, OPERATOR_DECISION);
        Optional<String> problem = OperatorRules.restartProblem(decision,
                CompletedTask.text(task, OPERATOR_COMMENT));
        String operator = CompletedTask.accept(task, problem, "Operator decision on " + restart.instanceName());
        restarts.handedOver(restart.uuid(), null, UtcTime.now(clock));
        log.info("{} decided {} for {} ({})", operator, decision, restart.instanceName(), restart.instanceUuid());
    }
}
