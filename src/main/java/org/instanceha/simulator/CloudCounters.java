package org.instanceha.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * What tests and benchmarks count on the simulated Nova: the evacuations, stops and starts it accepted
 * per server, and the most evacuations that were in progress at once. Not thread-safe: {@link SimulatedCloud} guards it.
 */
final class CloudCounters {

    private final Map<String, Integer> evacuationsAccepted = new HashMap<>();
    private final Map<String, Integer> stopsAccepted = new HashMap<>();
    private final Map<String, Integer> startsAccepted = new HashMap<>();
    private int evacuationsInFlight;
    private int peakEvacuationsInFlight;

    void reset() {
        evacuationsAccepted.clear();
        stopsAccepted.clear();
        startsAccepted.clear();
        evacuationsInFlight = 0;
        peakEvacuationsInFlight = 0;
    }

    void evacuationStarted(String serverId) {
        evacuationsAccepted.merge(serverId, 1, Integer::sum);
        evacuationsInFlight++;
        peakEvacuationsInFlight = Math.max(peakEvacuationsInFlight, evacuationsInFlight);
    }

    void evacuationSettled() {
        evacuationsInFlight--;
    }

    int evacuationsAccepted(String serverId) {
        return evacuationsAccepted.getOrDefault(serverId, 0);
    }

    int evacuationsAccepted() {
        return evacuationsAccepted.values().stream().mapToInt(Integer::intValue).sum();
    }

    void powerActionAccepted(String serverId, boolean start) {
        (start ? startsAccepted : stopsAccepted).merge(serverId, 1, Integer::sum);
    }

    int stopsAccepted(String serverId) {
        return stopsAccepted.getOrDefault(serverId, 0);
    }

    int startsAccepted(String serverId) {
        return startsAccepted.getOrDefault(serverId, 0);
    }

    int peakEvacuationsInFlight() {
        return peakEvacuationsInFlight;
    }
}
