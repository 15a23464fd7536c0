package org.instanceha.simulator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What a real nova-compute does with the rebuilds sent to it: at most {@code perHost} at once, the others wait
 * for one to end. Each host has that many lanes; a rebuild takes the lane free first and ends one rebuild time
 * after it starts. So piling rebuilds on one host costs what it costs on the test bed. {@code perHost} 0: no
 * bound (every rebuild starts at once). Plain Java, used under the cloud's lock.
 */
final class RebuildLanes {

    private final int perHost;
    private final Map<String, long[]> freeAt = new HashMap<>();

    RebuildLanes(int perHost) {
        this.perHost = perHost;
    }

    /** How long from {@code now} until a rebuild of {@code rebuildMillis} sent to {@code host} now has ended. */
    long untilDone(String host, long now, long rebuildMillis) {
        if (perHost <= 0 || host == null) {
            return rebuildMillis;
        }
        long[] lanes = freeAt.computeIfAbsent(host, h -> new long[perHost]);
        int first = 0;
        for (int i = 1; i < lanes.length; i++) {
            if (lanes[i] < lanes[first]) {
                first = i;
            }
        }
        long start = Math.max(now, lanes[first]);
        lanes[first] = start + rebuildMillis;
        return lanes[first] - now;
    }

    @Override
    public String toString() {
        return "RebuildLanes[" + perHost + " per host, " + freeAt.size() + " hosts: "
                + freeAt.values().stream().map(Arrays::toString).toList() + "]";
    }
}
