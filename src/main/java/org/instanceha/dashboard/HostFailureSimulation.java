package org.instanceha.dashboard;

/**
 * What "Simulate host failure" needs from a simulated cloud: make a compute host die as a real one
 * would (its servers stop, its nova-compute stops reporting). Only the simulator provides it, by
 * configuration; with the simulator off there is no such bean and the button is not shown.
 */
public interface HostFailureSimulation {

    /** The compute host {@code hostname} dies. */
    void stopHost(String hostname);
}
