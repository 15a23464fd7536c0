package org.instanceha.notification;

import java.time.LocalDateTime;

/**
 * A host a recovery took out of service, on its way back ({@link HostReturns}).
 *
 * @param status  out, returning, returned, kept_out or by_hand
 * @param backAt  when the host monitor first saw it healthy again after its recovery ended; null before
 */
public record HostReturn(long id, String notificationUuid, String hostUuid, String hostName, String status,
                         LocalDateTime backAt, LocalDateTime returnedAt, String message, LocalDateTime createdAt) {

    public static final String OUT = "out";
    public static final String RETURNING = "returning";
    public static final String RETURNED = "returned";
    public static final String KEPT_OUT = "kept_out";
    public static final String BY_HAND = "by_hand";
}
