package org.instanceha.fencing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.fencing.*}: how instance-ha calls BMCs.
 *
 * @param callTimeout the longest one BMC call may take, its retries included; a recovery task makes at most two
 *                    (read the power state, power off), which must fit in a job's lock time
 * @param ipmitool    the {@code ipmitool} program (Debian's package)
 */
@ConfigurationProperties("instanceha.fencing")
public record FencingProperties(@DefaultValue("5s") Duration callTimeout,
                                @DefaultValue("ipmitool") String ipmitool) {
}
