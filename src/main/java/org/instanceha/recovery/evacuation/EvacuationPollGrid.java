package org.instanceha.recovery.evacuation;

import java.time.Duration;
import java.time.Instant;

/**
 * When an evacuation in flight is checked next: on a grid of the poll interval counted from the epoch, so that
 * every evacuation a node watches is checked at the same instants and one look at Nova ({@link EvacuationWatch})
 * answers them all. The next point is the first one at least a tenth of an interval away: a check that ran late
 * (the job's pick-up, the listing: together 0.3 s on the test bed) still keeps its cadence, where "at least half
 * an interval" made a 500 ms poll skip every other point there. Plain Java.
 */
public final class EvacuationPollGrid {

    private EvacuationPollGrid() {
    }

    public static Instant nextCheck(Instant now, Duration interval) {
        long step = Math.max(1, interval.toMillis());
        long earliest = now.toEpochMilli() + step / 10;
        return Instant.ofEpochMilli(Math.floorDiv(earliest, step) * step + step);
    }
}
