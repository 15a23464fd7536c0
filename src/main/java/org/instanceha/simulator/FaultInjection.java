package org.instanceha.simulator;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The faults the simulated Nova injects: bursts of 5xx answers, requests that hang, random errors and
 * timeouts at the configured rates,, evacuations that end in ERROR and starts that fail. Not thread-safe:
 * {@link SimulatedCloud} guards it.
 */
final class FaultInjection {

    private final SimulatorProperties properties;
    private int failNextRequests;
    private int failNextStatus;
    private int delayNextRequests;
    private double evacuationFailureRate;
    private double startFailureRate;
    private double serverErrorRate;
    private double timeoutRate;

    FaultInjection(SimulatorProperties properties) {
        this.properties = properties;
        reset();
    }

    void reset() {
        failNextRequests = 0;
        delayNextRequests = 0;
        evacuationFailureRate = properties.evacuationFailureRate();
        startFailureRate = properties.startFailureRate();
        serverErrorRate = properties.serverErrorRate();
        timeoutRate = properties.timeoutRate();
    }

    void setRequestFaultRates(double serverErrors, double timeouts) {
        serverErrorRate = serverErrors;
        timeoutRate = timeouts;
    }

    void failNextRequests(int count, int status) {
        failNextRequests = count;
        failNextStatus = status;
    }

    void delayNextRequests(int count) {
        delayNextRequests = count;
    }

    void setEvacuationFailureRate(double rate) {
        evacuationFailureRate = rate;
    }

    /** The fault for the request now starting: a status to answer, -1 to hang first, 0 for none. */
    int takeRequestFault() {
        if (failNextRequests > 0) {
            failNextRequests--;
            return failNextStatus;
        }
        if (delayNextRequests > 0) {
            delayNextRequests--;
            return -1;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
            return random.nextBoolean() ? 500 : 503;
        }
        if (timeoutRate > 0 && random.nextDouble() < timeoutRate) {
            return -1;
        }
        return 0;
    }

    /** Whether the evacuation now settling ends in ERROR instead. */
    boolean evacuationFails() {
        return evacuationFailureRate > 0 && ThreadLocalRandom.current().nextDouble() < evacuationFailureRate;
    }

    void setStartFailureRate(double rate) {
        startFailureRate = rate;
    }

    /** Whether the start now settling fails, the server staying stopped. */
    boolean startFails() {
        return startFailureRate > 0 && ThreadLocalRandom.current().nextDouble() < startFailureRate;
    }

    Duration timeoutDelay() {
        return properties.timeoutDelay();
    }
}
