package org.instanceha.recovery.hostfailure;

import org.instanceha.notification.NotificationRepository;
import org.instanceha.segment.HostRepository;
import org.instanceha.segment.SegmentPolicies;
import org.instanceha.segment.SegmentPolicy;
import org.springframework.stereotype.Component;

/**
 * The policy of the segment a host failure's notification came from (the segment of its host); the defaults when
 * that host is gone from the segment since.
 */
@Component
public class SegmentPolicyOfNotification {

    private final NotificationRepository notifications;
    private final HostRepository hosts;
    private final SegmentPolicies policies;

    SegmentPolicyOfNotification(NotificationRepository notifications, HostRepository hosts,
                                SegmentPolicies policies) {
        this.notifications = notifications;
        this.hosts = hosts;
        this.policies = policies;
    }

    public SegmentPolicy of(String notificationUuid) {
        return hosts.findByUuid(notifications.require(notificationUuid).sourceHostUuid())
                .map(h -> policies.of(h.segment().id())).orElse(SegmentPolicy.DEFAULTS);
    }
}
