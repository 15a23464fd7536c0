package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Record VM move failed": the VM move is {@code failed}, with what went wrong; the instance is unlocked if
 * Nova can be asked. Whether it is retried on its own or handed to an operator is {@link
 * OperatorRules#retryAutomatically}.
 */
@Reads({"notificationUuid", "failureMessage", "vmoveId"})
@Writes({"retryAutomatically"})
@Component
public class RecordVmMoveFailed extends RecoveryTask {

    private static final Logger log = LoggerFactory.getLogger(RecordVmMoveFailed.class);

    private final VmMoveRepository vmoves;
    private final Compute compute;
    private final RecoveryProperties properties;
    private final Clock clock;

    public RecordVmMoveFailed(RecoveryProgress progress, VmMoveRepository vmoves, Compute compute,
                              RecoveryProperties properties, Clock clock) {
        super(progress);
        this.properties = properties;
        this.vmoves = vmoves;
        this.compute = compute;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        String message = task.text(FAILURE_MESSAGE) != null ? task.text(FAILURE_MESSAGE) : "The evacuation failed.";
        var now = UtcTime.now(clock);
        vmoves.failed(move.uuid(), message, now);
        try {
            compute.server(move.instanceUuid()).filter(Server::locked).ifPresent(s -> compute.unlock(s.id()));
        } catch (ComputeException e) {
            log.warn("Could not unlock {} after its failed evacuation: {}", move.instanceName(), e.getMessage());
        }
        boolean retry = OperatorRules.retryAutomatically(move.attempt(), properties.automaticRetries());
        task.set(RETRY_AUTOMATICALLY, retry);
        task.error("Could not evacuate " + move.instanceName() + " (attempt " + move.attempt() + "): " + message
                + (retry ? " Retrying in " + properties.retryDelay().toSeconds() + " s." : ""));
        log.warn("Evacuation of {} ({}) failed, attempt {}{}: {}", move.instanceName(), move.instanceUuid(),
                move.attempt(), retry ? ", retrying in " + properties.retryDelay() : "", message);
    }
}
