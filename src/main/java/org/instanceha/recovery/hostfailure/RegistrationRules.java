package org.instanceha.recovery.hostfailure;

import org.instanceha.recovery.NextStep;

/**
 * The rules for a COMPUTE_HOST notification: STARTED finishes at once; STOPPED starts a recovery, which fences
 * a host with a BMC whatever the report says. A missing or non-NORMAL {@code host_status} (UNKNOWN: the
 * monitor could not tell whether the host is off) is recovered only when the host has a BMC to fence it with;
 * without one it is ignored, as Masakari ignores it. Plain Java.
 */
public final class RegistrationRules {

    /** What to do, and why when it is not a recovery. */
    public record Decision(NextStep nextStep, String reason) {
    }

    private RegistrationRules() {
    }

    public static Decision decide(String event, String hostStatus, String hostname, boolean hasBmc) {
        if ("STARTED".equals(event)) {
            return new Decision(NextStep.FINISH, "Host " + hostname + " reported STARTED: nothing to do.");
        }
        if (!"NORMAL".equals(hostStatus) && !hasBmc) {
            return new Decision(NextStep.IGNORE, "Host " + hostname + " reported STOPPED with host_status "
                    + (hostStatus == null ? "missing" : hostStatus) + ": fencing is not confirmed, so its instances "
                    + "are not evacuated. With a BMC in the host's control_attributes, instance-ha would have "
                    + "powered it off and recovered them.");
        }
        return new Decision(NextStep.RECOVER, null);
    }
}
