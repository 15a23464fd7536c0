package org.instanceha.vmove;

import java.time.LocalDateTime;
import java.util.Map;

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

    /**
     * How a notification's moves stand, in the words its message uses: "2 of 3 instance(s) evacuated,
     * 1 failed." (and ", N not finished" while some are pending or ongoing). {@code counts}: moves by status.
     */
    public static String summary(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long failed = counts.getOrDefault(FAILED, 0L);
        long unfinished = counts.getOrDefault(PENDING, 0L) + counts.getOrDefault(ONGOING, 0L);
        return counts.getOrDefault(SUCCEEDED, 0L) + " of " + total + " instance(s) evacuated"
                + (failed > 0 ? ", " + failed + " failed" : "")
                + (unfinished > 0 ? ", " + unfinished + " not finished" : "") + ".";
    }
}
