package org.instanceha.vmove;

import java.time.LocalDateTime;

/**
 * The move of one instance off a failed host: {@code pending} until its evacuation starts,
 * {@code ongoing} while Nova rebuilds it, then {@code succeeded} (with {@code destHost}) or
 * {@code failed} (with a message). {@code targetHost} is the host the plan chose, if any.
 */
public record VmMove(long id, String uuid, String notificationUuid, String instanceUuid, String instanceName,
                     String sourceHost, String destHost, String targetHost, LocalDateTime startTime,
                     LocalDateTime endTime, String type, String status, String message, String originalVmState,
                     int vcpus, int ramMb, LocalDateTime createdAt, LocalDateTime updatedAt,
                     LocalDateTime deletedAt, boolean deleted) {

    public static final String PENDING = "pending";
    public static final String ONGOING = "ongoing";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String IGNORED = "ignored";
}
