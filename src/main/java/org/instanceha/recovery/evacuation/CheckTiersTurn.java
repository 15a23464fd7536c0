package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import java.time.Clock;
import java.time.Instant;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.instanceha.vmove.RestartTiers;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Check tier's turn": whether the instance's restart tier may start ({@link TierRules}). With every instance at
 * the default priority there is one tier and it always may: one query, no progress recorded, no job of its own
 * (it runs in the transaction that reaches it, before "Claim evacuation slot"). An instance that must wait says so
 * once, with its tier, and the model looks again after "Wait for earlier tiers".
 */
@Reads({"notificationUuid", "vmoveId", "tierWaitSince"})
@Writes({"tiersTurn", "tierWaitSince"})
@Component
public class CheckTiersTurn extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final RestartTiers tiers;
    private final RecoveryProperties properties;
    private final Clock clock;

    public CheckTiersTurn(RecoveryProgress progress, VmMoveRepository vmoves, RestartTiers tiers,
                          RecoveryProperties properties, Clock clock) {
        super(progress);
        this.vmoves = vmoves;
        this.tiers = tiers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        int priority = tiers.priorityOf(move.notificationUuid(), move.instanceUuid());
        RestartTiers.EarlierTiers earlier = tiers.earlierThan(move.notificationUuid(), priority);
        Instant now = clock.instant();
        String since = task.text(TIER_WAIT_SINCE);
        Instant waitingSince = since == null ? now : Instant.parse(since);
        boolean turn = TierRules.turn(earlier.tiers(), earlier.unsettled(), waitingSince, now,
                properties.tierTimeout());
        task.set(TIERS_TURN, turn);
        if (!turn && since == null) {
            task.set(TIER_WAIT_SINCE, now.toString());
            task.running(0.0, move.instanceName() + " (priority " + priority + ") waits for " + earlier.unsettled()
                    + " instance(s) of earlier restart tiers to settle, at most " + properties.tierTimeout()
                    .multipliedBy(earlier.tiers()).toSeconds() + " s.");
        } else if (turn && since != null) {
            task.success(move.instanceName() + " (priority " + priority + ") starts after waiting "
                    + java.time.Duration.between(waitingSince, now).toSeconds() + " s for earlier restart tiers"
                    + (earlier.unsettled() == 0 ? "." : ", their tier timeout passed."));
        }
    }
}
