package org.instanceha.recovery.hostfailure;

import org.instanceha.recovery.NextStep;

/**
 * Masakari's rules for a COMPUTE_HOST notification: STARTED finishes at once; a missing or
 * non-NORMAL {@code host_status} means fencing is not confirmed and the notification is ignored;
 * STOPPED starts a recovery. Plain Java.
 */
public final class RegistrationRules {

    /** What to do, and why when it is not a recovery. */
    public record Decision(NextStep nextStep, String reason) {
    }

    private RegistrationRules() {
    }

    public static Decision decide(String event, String hostStatus, String hostname) {
        if ("STARTED".equals(event)) {
            return new Decision(NextStep.FINISH, "Host " + hostname + " reported STARTED: nothing to do.");
        }
        if (!"NORMAL".equals(hostStatus)) {
            return new Decision(NextStep.IGNORE, "Host " + hostname + " reported STOPPED with host_status "
                    + (hostStatus == null ? "missing" : hostStatus) + ": fencing is not confirmed, so its instances "
                    + "are not evacuated.");
        }
        return new Decision(NextStep.RECOVER, null);
    }
}
