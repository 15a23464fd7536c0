package org.instanceha.detection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.detection.*}: instance-ha's own host monitor.
 *
 * @param lease how long the judging node's lease in the shared database lasts without renewal: when that node
 *              dies, another takes over within this time; renewed every third of it
 */
@ConfigurationProperties("instanceha.detection")
public record DetectionProperties(@DefaultValue("15s") Duration lease) {
}
