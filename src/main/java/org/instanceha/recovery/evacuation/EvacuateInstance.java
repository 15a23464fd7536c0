package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskProgress;
import org.instanceha.recovery.TaskRun;
import org.instanceha.segment.EvacuationAction;
import org.instanceha.vmove.CapacityClaims;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Evacuate instance": asks Nova to rebuild the instance on its planned target; when Nova refuses because it
 * already moved or is moving (this job ran before: {@link EvacuabilityRules#alreadyUnderway}), that is success. Reads {@code vmoveId}; writes
 * {@code evacuationDeadline} (a date). Throws BPMN error {@code EVACUATION_REFUSED} when Nova refuses for
 * good; Nova outages are retried by the job executor.
 */
@Reads({"notificationUuid", "vmoveId"})
@Writes({"evacuationDeadline", "evacuationState"})
@Component
public class EvacuateInstance extends RecoveryTask {

    private static final Logger log = LoggerFactory.getLogger(EvacuateInstance.class);

    private final Compute compute;
    private final VmMoveRepository vmoves;
    private final RecoveryProperties properties;
    private final CapacityClaims claims;
    private final Clock clock;

    public EvacuateInstance(RecoveryProgress progress, Compute compute, VmMoveRepository vmoves, CapacityClaims claims,
                            RecoveryProperties properties, Clock clock) {
        super(progress);
        this.compute = compute;
        this.vmoves = vmoves;
        this.claims = claims;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        try {
            task.setInstant(EVACUATION_DEADLINE, evacuate(task.required(VMOVE_ID), task));
        } catch (EvacuationRefused e) {
            // Settled: no evacuation is in flight ("Free evacuation slot", then "Record VM move failed").
            task.set(EVACUATION_STATE, EvacuationState.FAILED);
            task.error(e.getMessage());
            throw new BpmnError(ERROR_EVACUATION_REFUSED, e.getMessage());
        }
    }

    /**
     * Evacuates the move's instance, once; returns the deadline by which it must have settled.
     *
     * @throws EvacuationRefused when Nova refuses for a reason retrying will not change
     */
    public Instant evacuate(String vmoveId, TaskProgress progress) {
        VmMove move = vmoves.require(vmoveId);
        boolean leaveStopped = EvacuationAction.EVACUATE_STOPPED.wireName().equals(move.evacuationAction());
        try {
            if (leaveStopped) {
                compute.evacuateStopped(move.instanceUuid(), move.targetHost());
            } else {
                compute.evacuate(move.instanceUuid(), move.targetHost());
            }
            progress.success("Nova accepted the evacuation of " + move.instanceName() + " from " + move.sourceHost()
                    + " to " + move.targetHost() + (leaveStopped ? ", to be left stopped" : "") + ".");
        } catch (ComputeException e) {
            if (e.retryable()) {
                throw e;
            }
            alreadyUnderway(move, e, progress);
        }
        claims.accepted(vmoveId, UtcTime.now(clock));
        return clock.instant().plus(properties.evacuationTimeout());
    }

    /**
     * Nova refused: if this job asked before (a crash or a timeout after Nova took the request), the server is
     * rebuilding or on another host already, and that is success; otherwise the refusal stands. The server is read
     * only here, so that the usual evacuation costs one call and a crash still never evacuates twice.
     */
    private void alreadyUnderway(VmMove move, ComputeException refusal, TaskProgress progress) {
        Server server = compute.server(move.instanceUuid()).orElseThrow(() -> new EvacuationRefused(
                "Instance " + move.instanceName() + " no longer exists in Nova."));
        if (!EvacuabilityRules.alreadyUnderway(server, move.sourceHost())) {
            throw new EvacuationRefused(EvacuationAction.EVACUATE_STOPPED.wireName().equals(move.evacuationAction())
                    && refusal.status() == 406 ? "Its action is evacuate_stopped, which needs Nova's microversion "
                    + "2.95 (2023.1 and later); this Nova refused it. " + refusal.getMessage() : refusal.getMessage());
        }
        String where = EvacuabilityRules.REBUILDING.equals(server.taskState()) ? "being evacuated"
                : "on " + server.host();
        log.info("Instance {} is already {} ({}): not evacuating it again", server.name(), where, move.uuid());
        progress.success(server.name() + " is already " + where + ": not asking Nova again.");
    }
}
