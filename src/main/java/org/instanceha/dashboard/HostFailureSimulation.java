package org.instanceha.dashboard;

/**
 * What "Simulate host failure" needs from a simulated cloud: make a compute host die as a real one
 * would (its servers stop, its nova-compute stops reporting). Only the simulator provides it, by
 * configuration; with the simulator off there is no such bean and the button is not shown.
 */
public interface HostFailureSimulation {

    /** The compute host {@code hostname} hangs: no heartbeat, its management address silent, its power on. */
    void stopHost(String hostname);

    /** Its power is cut (its BMC says Off). */
    void cutPower(String hostname);

    /** It is powered on again (its BMC says On, its nova-compute starts and reports). */
    void powerOn(String hostname);

    /** Only its nova-compute stops: the host runs and answers on its management address. */
    void stopNovaCompute(String hostname);

    /** Its management address, {@code host:port}, for its control attributes. */
    String managementAddress(String hostname);
}
