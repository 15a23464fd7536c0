package org.instanceha.recovery.hostfailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.hostfailure.HostFailureRecovery.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.instanceha.notification.ProgressState;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.operator.CompletedTask;
import org.instanceha.recovery.operator.OperatorRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Listener on the completion of "Confirm ... is powered off": checks the operator's decision
 * ({@link OperatorRules#fencingProblem}); one that cannot be accepted refuses the completion and the task stays
 * open. An accepted one is recorded with who took it and when, under {@link #RECORDED_AS} in the workflow details
 * (and so in the incident timeline): {@code confirmed_off} lets the recovery go on, {@code retry_fencing} starts
 * the attempts over, {@code give_up} gives the reason the notification ends in error with.
 * <p>
 * Reads {@code notificationUuid}, {@code hostname}, {@code operatorDecision}, {@code operatorComment}; writes
 * {@code operatorUser}, {@code fencingAttempt} (retry), {@code failureReason} (give up).
 */
@Component
public class AcceptFencingDecision implements TaskListener {

    /** The name the decision is recorded under in the workflow details. */
    public static final String RECORDED_AS = "Operator's fencing decision";
    private static final Logger log = LoggerFactory.getLogger(AcceptFencingDecision.class);

    private final RecoveryProgress progress;

    AcceptFencingDecision(RecoveryProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        String hostname = (String) task.getVariable(HOSTNAME);
        String decision = CompletedTask.text(task, OPERATOR_DECISION);
        String comment = CompletedTask.text(task, OPERATOR_COMMENT);
        Optional<String> problem = OperatorRules.fencingProblem(decision, comment);
        String operator = CompletedTask.accept(task, problem, "Fencing decision on " + hostname);
        String notification = (String) task.getVariable(NOTIFICATION_UUID);
        String said = comment == null || comment.isBlank() ? "" : ": " + comment;
        switch (OperatorRules.Decision.fromWire(decision).orElseThrow()) {
            case CONFIRMED_OFF -> progress.record(notification, RECORDED_AS, ProgressState.SUCCESS, 1.0,
                    operator + " confirmed " + hostname + " is powered off" + said);
            case RETRY_FENCING -> {
                task.setVariable(FENCING_ATTEMPT, 1);
                progress.record(notification, RECORDED_AS, ProgressState.SUCCESS, 1.0,
                        operator + " asked to fence " + hostname + " through its BMC again" + said);
            }
            default -> {
                String reason = operator + " gave up the recovery of " + hostname + said + ". Nothing was evacuated;"
                        + " the host stays on maintenance.";
                task.setVariable(FAILURE_REASON, reason);
                progress.record(notification, RECORDED_AS, ProgressState.ERROR, 1.0, reason);
            }
        }
        log.info("{} decided {} for host {} (notification {}){}", operator, decision, hostname, notification, said);
    }
}
