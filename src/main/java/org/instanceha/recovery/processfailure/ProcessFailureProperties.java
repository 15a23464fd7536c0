package org.instanceha.recovery.processfailure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.process-failure.*}.
 *
 * @param disableConfirmTimeout how long Nova has to report a disabled nova-compute service disabled
 *                              before the notification ends in error (Masakari's
 *                              {@code wait_period_after_service_update}, 180 s)
 * @param disablePollInterval   how often it is asked meanwhile
 */
@ConfigurationProperties("instanceha.process-failure")
public record ProcessFailureProperties(@DefaultValue("180s") Duration disableConfirmTimeout,
                                       @DefaultValue("3s") Duration disablePollInterval) {
}
