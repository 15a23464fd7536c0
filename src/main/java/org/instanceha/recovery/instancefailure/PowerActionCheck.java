package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;

import org.instanceha.common.UtcTime;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Server;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.WorkflowNames;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;

/**
 * What "Check instance stopped" and "Check instance active" share: ask Nova how the instance is, record
 * its vm_state on the attempt, and say how the stop or start stands, by the rule each passes in (a refusal
 * Nova gave when asked fails it at once).
 */
final class PowerActionCheck {

    private final Compute compute;
    private final InstanceRestartRepository restarts;
    private final Clock clock;
    private final String goal;
    private final String deadlineVariable;
    private final String refusalVariable;
    private final String timeoutSetting;
    private final Duration timeout;
    private final BiFunction<Server, Boolean, InstanceFailureRules.PowerOutcome> rule;

    PowerActionCheck(Compute compute, InstanceRestartRepository restarts, Clock clock, String goal,
                     String deadlineVariable, String refusalVariable, String timeoutSetting, Duration timeout,
                     BiFunction<Server, Boolean, InstanceFailureRules.PowerOutcome> rule) {
        this.compute = compute;
        this.restarts = restarts;
        this.clock = clock;
        this.goal = goal;
        this.deadlineVariable = deadlineVariable;
        this.refusalVariable = refusalVariable;
        this.timeoutSetting = timeoutSetting;
        this.timeout = timeout;
        this.rule = rule;
    }

    void run(TaskRun task, double progress) {
        InstanceRestart restart = restarts.require(task.required(RESTART_ID));
        Server server = compute.server(restart.instanceUuid()).orElse(null);
        String refusal = refusalVariable == null ? null : task.text(refusalVariable);
        boolean timeOver = !clock.instant().isBefore(task.instant(deadlineVariable));
        InstanceFailureRules.PowerOutcome outcome = refusal != null ? InstanceFailureRules.PowerOutcome.FAILED
                : rule.apply(server, timeOver);
        if (server != null) {
            restarts.saw(restart.uuid(), server.vmState(), UtcTime.now(clock));
        }
        String shown = server == null ? "Nova no longer knows it" : "Nova shows " + InstanceFailureRules.describe(server);
        switch (outcome) {
            case DONE -> {
                task.set(POWER_OUTCOME, outcome);
                task.success(restart.instanceName() + " is " + goal + ": " + shown + ".");
            }
            case WAIT -> {
                task.set(POWER_OUTCOME, outcome);
                task.running(progress, restart.instanceName() + " is not " + goal + " yet: " + shown + ".");
            }
            case FAILED -> {
                String reason = refusal != null ? refusal
                        : restart.instanceName() + " is not " + goal + (timeOver ? " after " + timeout.toSeconds()
                        + " s (" + timeoutSetting + ")" : "") + ": " + shown + ".";
                task.set(POWER_OUTCOME, outcome);
                task.set(FAILURE_REASON, reason);
                task.error(reason);
            }
        }
    }
}
