package org.instanceha.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.notifications.*}.
 *
 * @param duplicateInterval a notification with the same type, host and payload generated within this
 *                          time of an earlier one is a duplicate (409)
 * @param startAfter        a notification still {@code new} this long after it was stored, without a
 *                          workflow (the node crashed between storing it and starting it), is started by
 *                          the sweep of {@code instanceha.recovery.stranded-check-interval}
 * @param expireAfter       a notification still {@code new}, {@code running} or {@code error} this long
 *                          after it was stored becomes {@code failed}: its workflow and open operator tasks
 *                          are closed, its unfinished VM moves fail (Masakari's 24 h)
 */
@ConfigurationProperties("instanceha.notifications")
public record NotificationProperties(@DefaultValue("180s") Duration duplicateInterval,
                                     @DefaultValue("60s") Duration startAfter,
                                     @DefaultValue("24h") Duration expireAfter) {
}
