package org.instanceha.vmove;

import java.time.LocalDateTime;

/**
 * The move of one instance off a failed host (see {@link VmMoveStatus}): {@code succeeded} with its
 * {@code destHost}, {@code failed} with a message. {@code targetHost} is the host the plan chose, if any.
 */
public record VmMove(long id, String uuid, String notificationUuid, String instanceUuid, String instanceName,
                     String sourceHost, String destHost, String targetHost, LocalDateTime startTime,
                     LocalDateTime endTime, String type, VmMoveStatus status, String message, String originalVmState,
                     int vcpus, int ramMb, LocalDateTime createdAt, LocalDateTime updatedAt,
                     LocalDateTime deletedAt, boolean deleted, int attempt, String operatorTaskId,
                     String decidedBy, String decision, boolean haEnabled) {

    /** Waiting for an operator's decision. */
    public boolean waitingForOperator() {
        return operatorTaskId != null;
    }
}
