package org.instanceha.recovery.evacuation;

import java.time.Clock;
import java.util.Date;

import org.instanceha.recovery.RecoveryProperties;
import org.springframework.stereotype.Component;

/**
 * When "Wait for the evacuation" ends, referenced from the model as the timer {@code ${evacuationPoll.nextCheck}}:
 * the next point of the grid of {@code instanceha.recovery.evacuation-poll-interval} ({@link EvacuationPollGrid}),
 * so that every evacuation in flight on a node is checked at the same instants with one look at Nova.
 */
@Component("evacuationPoll")
public class EvacuationPoll {

    private final RecoveryProperties properties;
    private final Clock clock;

    public EvacuationPoll(RecoveryProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public Date getNextCheck() {
        return Date.from(EvacuationPollGrid.nextCheck(clock.instant(), properties.evacuationPollInterval()));
    }
}
