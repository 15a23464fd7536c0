package org.instanceha.recovery.evacuation;

import org.instanceha.recovery.RecoveryProperties;
import org.springframework.stereotype.Component;

/**
 * How often an instance that waits for earlier restart tiers looks again, referenced from the model as the timer
 * {@code ${tierWait.interval}} of "Wait for earlier tiers". From {@code instanceha.recovery.tier-poll-interval}.
 */
@Component("tierWait")
public class TierWait {

    private final RecoveryProperties properties;

    public TierWait(RecoveryProperties properties) {
        this.properties = properties;
    }

    public String getInterval() {
        return properties.tierPollInterval().toString();
    }
}
