package org.instanceha.recovery.evacuation;

import java.time.Duration;
import java.time.Instant;

/**
 * When an evacuation in flight is checked next: on a grid of the poll interval counted from the epoch, so that
 * every evacuation a node watches is checked at the same instants and one look at Nova ({@link EvacuationWatch})
 * answers them all. The next point is the first one at least half an interval away: on average an interval after
 * the evacuation was sent, as before, and a check that ran a little late does not land on the point it just had.
 * Plain Java.
 */
public final class EvacuationPollGrid {

    private EvacuationPollGrid() {
    }

    public static Instant nextCheck(Instant now, Duration interval) {
        long step = Math.max(1, interval.toMillis());
        long earliest = now.toEpochMilli() + step / 2;
        return Instant.ofEpochMilli(Math.floorDiv(earliest, step) * step + step);
    }
}
