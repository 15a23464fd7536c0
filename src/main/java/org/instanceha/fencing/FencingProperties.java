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
 * @param powerOffTimeout      how long after the power off the BMC must say Off, or the attempt has failed
 * @param powerPollInterval    how often the power state is read meanwhile
 * @param attempts             fencing attempts before an operator is asked to confirm the host is off
 * @param retryDelay           the wait between two attempts
 * @param powerOnAfterRecovery power a host with a BMC on again once its instances are evacuated (it stays on
 *                             maintenance); off by default: the host stays off until an operator brings it back
 */
@ConfigurationProperties("instanceha.fencing")
public record FencingProperties(@DefaultValue("5s") Duration callTimeout,
                                @DefaultValue("ipmitool") String ipmitool,
                                @DefaultValue("30s") Duration powerOffTimeout,
                                @DefaultValue("1s") Duration powerPollInterval,
                                @DefaultValue("3") int attempts,
                                @DefaultValue("10s") Duration retryDelay,
                                @DefaultValue("false") boolean powerOnAfterRecovery) {

    /** Only how BMCs are called, with the workflow's defaults: for tests and tools. */
    public static FencingProperties calls(Duration callTimeout, String ipmitool) {
        return new FencingProperties(callTimeout, ipmitool, Duration.ofSeconds(30), Duration.ofSeconds(1), 3,
                Duration.ofSeconds(10), false);
    }
}
