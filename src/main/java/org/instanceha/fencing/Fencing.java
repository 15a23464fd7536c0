package org.instanceha.fencing;

/**
 * The port to a host's BMC. Every call is bounded in time ({@code instanceha.fencing.call-timeout}) and either
 * answers or throws {@link FencingException}; none waits for the power to change: a caller that powered a host
 * off reads {@link #powerState} until it says {@link PowerState#OFF}.
 */
public interface Fencing {

    /** What the BMC says of its host's power now. */
    PowerState powerState(Bmc bmc);

    /** Asks the BMC to cut the host's power at once (IPMI {@code chassis power off}, Redfish {@code ForceOff}). */
    void powerOff(Bmc bmc);

    /** Asks the BMC to power the host on. */
    void powerOn(Bmc bmc);
}
