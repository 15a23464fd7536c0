package org.instanceha.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.notifications.*}.
 *
 * @param duplicateInterval a notification with the same type, host and payload generated within this
 *                          time of an earlier one is a duplicate (409)
 */
@ConfigurationProperties("instanceha.notifications")
public record NotificationProperties(@DefaultValue("180s") Duration duplicateInterval) {
}
