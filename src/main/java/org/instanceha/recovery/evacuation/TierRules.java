package org.instanceha.recovery.evacuation;

import java.time.Duration;
import java.time.Instant;

/**
 * When an instance's evacuation may start, by restart tiers (server metadata {@code instanceha:priority}, 1 first
 * to 5 last): once every instance of the earlier tiers has settled (ACTIVE on its new host, failed, or handed to
 * an operator), or once it has waited the tier timeout for each earlier tier that holds instances. Within the
 * existing bounds on evacuations in flight, which the slot claim after it keeps. Plain Java.
 */
public final class TierRules {

    private TierRules() {
    }

    /**
     * @param earlierTiers     how many earlier tiers hold instances of the notification
     * @param earlierUnsettled how many VM moves of those tiers have not settled
     * @param waitingSince     when this instance first waited for them
     */
    public static boolean turn(int earlierTiers, int earlierUnsettled, Instant waitingSince, Instant now,
                               Duration tierTimeout) {
        if (earlierUnsettled == 0) {
            return true;
        }
        return !now.isBefore(waitingSince.plus(tierTimeout.multipliedBy(Math.max(1, earlierTiers))));
    }
}
