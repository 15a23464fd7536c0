package org.instanceha.vmove;

import java.time.LocalDateTime;

/**
 * The move of one instance off a failed host (see {@link VmMoveStatus}): {@code succeeded} with its
 * {@code destHost}, {@code failed} with a message. {@code targetHost} is the host the plan chose, if any.
 * {@code evacuationClass} and {@code evacuationAction} (wire names) say how the recovery took the instance; null
 * for moves recorded before they were kept, and for failbacks.
 */
public record VmMove(long id, String uuid, String notificationUuid, String instanceUuid, String instanceName,
                     String sourceHost, String destHost, String targetHost, LocalDateTime startTime,
                     LocalDateTime endTime, String type, VmMoveStatus status, String message, String originalVmState,
                     int vcpus, int ramMb, LocalDateTime createdAt, LocalDateTime updatedAt,
                     LocalDateTime deletedAt, boolean deleted, int attempt, String operatorTaskId,
                     String decidedBy, String decision, boolean haEnabled, String evacuationClass,
                     String evacuationAction) {

    public VmMove(long id, String uuid, String notificationUuid, String instanceUuid, String instanceName,
                  String sourceHost, String destHost, String targetHost, LocalDateTime startTime,
                  LocalDateTime endTime, String type, VmMoveStatus status, String message, String originalVmState,
                  int vcpus, int ramMb, LocalDateTime createdAt, LocalDateTime updatedAt, LocalDateTime deletedAt,
                  boolean deleted, int attempt, String operatorTaskId, String decidedBy, String decision,
                  boolean haEnabled) {
        this(id, uuid, notificationUuid, instanceUuid, instanceName, sourceHost, destHost, targetHost, startTime,
                endTime, type, status, message, originalVmState, vcpus, ramMb, createdAt, updatedAt, deletedAt, deleted,
                attempt, operatorTaskId, decidedBy, decision, haEnabled, null, null);
    }

    /** Waiting for an operator's decision. */
    public boolean waitingForOperator() {
        return operatorTaskId != null;
    }
}
