package org.instanceha.recovery.instancefailure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.instance-failure.*}.
 *
 * @param processAllInstances restart a failed instance without {@code HA_Enabled=True} metadata too
 *                            (Masakari's {@code [instance_failure] process_all_instances})
 * @param stopTimeout         how long Nova has to report a stopped instance stopped (Masakari's
 *                            {@code wait_period_after_power_off}, 180 s)
 * @param startTimeout        how long Nova has to report a started instance active (Masakari's
 *                            {@code wait_period_after_power_on}, 60 s)
 * @param pollInterval        how often Nova is asked meanwhile (Masakari's {@code verify_interval}, 1 s)
 */
@ConfigurationProperties("instanceha.instance-failure")
public record InstanceFailureProperties(@DefaultValue("false") boolean processAllInstances,
                                        @DefaultValue("180s") Duration stopTimeout,
                                        @DefaultValue("60s") Duration startTimeout,
                                        @DefaultValue("1s") Duration pollInterval) {
}
