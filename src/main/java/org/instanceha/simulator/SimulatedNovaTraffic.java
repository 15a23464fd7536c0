package org.instanceha.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The requests the simulated Nova received, by method and path template ({@code GET /v2.1/servers/{id}}): what a
 * workflow costs Nova's API, whose workers every caller shares. Counted before faults and authentication.
 */
@Component
@ConditionalOnProperty(name = "instanceha.simulator.enabled", havingValue = "true")
public class SimulatedNovaTraffic {

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    void count(String method, String template) {
        requests.computeIfAbsent(method + " " + template, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Requests so far, by method and path template, sorted. */
    public Map<String, Integer> requests() {
        Map<String, Integer> copy = new TreeMap<>();
        requests.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Requests so far, all kinds together. */
    public int total() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void reset() {
        requests.clear();
    }
}
