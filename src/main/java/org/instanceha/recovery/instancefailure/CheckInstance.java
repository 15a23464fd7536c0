package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.NotificationProjects;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.WorkflowNames;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;
import org.springframework.stereotype.Component;

/**
 * "Check the instance": what the failed instance needs, as Nova shows it now ({@link
 * InstanceFailureRules#assess}): a restart, a reset first (resized), nothing (not HA-enabled), or to be left
 * alone (paused, rescued, not on the reported host any more, unknown to Nova). For a restart, its first
 * attempt is recorded.
 */
@Reads({"notificationUuid", "hostname", "instanceUuid"})
@Writes({"finishReason", "ignoreReason", "instanceName", "instanceNeeds", "restartId"})
@Component
public class CheckInstance extends RecoveryTask {

    private final Compute compute;
    private final InstanceRestartRepository restarts;
    private final NotificationProjects projects;
    private final InstanceFailureProperties properties;
    private final Clock clock;

    CheckInstance(RecoveryProgress progress, Compute compute, InstanceRestartRepository restarts,
                  NotificationProjects projects, InstanceFailureProperties properties, Clock clock) {
        super(progress);
        this.compute = compute;
        this.restarts = restarts;
        this.projects = projects;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String instanceUuid = task.required(INSTANCE_UUID);
        Server server = compute.server(instanceUuid).orElse(null);
        InstanceFailureRules.Assessment assessment = InstanceFailureRules.assess(server, instanceUuid,
                task.required(HOSTNAME), properties.processAllInstances());
        task.set(INSTANCE_NAME, server == null ? instanceUuid : server.name());
        switch (assessment.need()) {
            case NOTHING -> {
                task.set(INSTANCE_NEEDS, assessment.need());
                task.set(FINISH_REASON, assessment.reason());
            }
            case IGNORE -> {
                task.set(INSTANCE_NEEDS, assessment.need());
                task.set(IGNORE_REASON, assessment.reason());
            }
            case RESTART, RESET_FIRST -> {
                InstanceRestart restart = restarts.start(task.notificationUuid(), 1, server.id(), server.name(),
                        server.host(), server.vmState(), UtcTime.now(clock));
                task.set(RESTART_ID, restart.uuid());
                projects.record(task.notificationUuid(), java.util.List.of(server.projectId()));
                task.set(INSTANCE_NEEDS, assessment.need());
            }
        }
        task.success(assessment.reason());
    }
}
