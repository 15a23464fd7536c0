package org.instanceha.vmove;

import java.time.LocalDateTime;

/**
 * One attempt to restart a failed instance on its own host (a {@code VM} notification's recovery): stop
 * it, then start it. Not a VM move: nothing moves, and Masakari's VM moves API shows evacuations only.
 *
 * @param states         the vm_states Nova showed along the way, in order ({@code active -> stopped -> active})
 * @param status         {@code ongoing}, then {@code succeeded} or {@code failed}
 * @param operatorTaskId the Camunda user task waiting for an operator's decision on it, while one does
 * @param decidedBy      the Camunda user id of the operator who decided, once one did
 * @param decision       what that operator decided: {@code retry}, {@code recovered_by_hand} or {@code give_up}
 */
public record InstanceRestart(long id, String uuid, String notificationUuid, int attempt, String instanceUuid,
                              String instanceName, String host, String states, VmMoveStatus status, String message,
                              String operatorTaskId, String decidedBy, String decision, LocalDateTime startTime,
                              LocalDateTime endTime, LocalDateTime updatedAt) {

    public boolean waitingForOperator() {
        return operatorTaskId != null;
    }

    /** The last vm_state Nova showed. */
    public String lastState() {
        int arrow = states.lastIndexOf(" -> ");
        return arrow < 0 ? states : states.substring(arrow + 4);
    }
}
