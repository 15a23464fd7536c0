package org.instanceha.recovery.evacuation;

import java.util.List;
import java.util.Optional;

import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.recovery.planning.TargetPlanner;
import org.instanceha.recovery.planning.TargetPlanning;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * Whether an operator's decision on a VM move can be carried out now ({@link OperatorRules#problem}),
 * with the segment's hosts as Nova sees them at this moment for a retry on a chosen host. Used where a
 * decision comes in: the completion of the user task, and engine-rest's task completion requests.
 */
@Component
public class OperatorDecisionCheck {

    private final VmMoveRepository vmoves;
    private final TargetPlanning planning;

    OperatorDecisionCheck(VmMoveRepository vmoves, TargetPlanning planning) {
        this.vmoves = vmoves;
        this.planning = planning;
    }

    /** Why the decision cannot be accepted, or empty when it can. */
    public Optional<String> problem(String vmoveId, String decision, String chosenHost, String comment) {
        VmMove move = vmoves.require(vmoveId);
        List<TargetPlanner.Candidate> withRoom = OperatorRules.Decision.RETRY_ON_HOST.wireName().equals(decision)
                ? OperatorRules.hostsWithRoom(planning.candidates(move.sourceHost()), move.vcpus(), move.ramMb())
                : List.of();
        return OperatorRules.problem(decision, chosenHost == null ? null : chosenHost.strip(), comment, withRoom);
    }
}
