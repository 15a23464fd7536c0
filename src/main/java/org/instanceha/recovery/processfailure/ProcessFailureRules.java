package org.instanceha.recovery.processfailure;

import org.instanceha.recovery.NextStep;

/**
 * Masakari's rules for a {@code PROCESS} notification: {@code STARTED} finishes at once; {@code STOPPED}
 * puts the host on maintenance and, for {@code nova-compute}, disables its compute service so that the
 * scheduler places nothing more there; any other process needs nothing more. Plain Java.
 */
public final class ProcessFailureRules {

    /** The process whose failure disables the host's compute service. */
    public static final String NOVA_COMPUTE = "nova-compute";

    /** What to do: {@code nextStep} recover or finish, why when it is finish, and whether to disable. */
    public record Decision(NextStep nextStep, String reason, boolean disableService) {
    }

    private ProcessFailureRules() {
    }

    public static Decision decide(String event, String processName, String hostname) {
        if (!"STOPPED".equals(event)) {
            return new Decision(NextStep.FINISH, "Process " + processName + " on " + hostname
                    + " reported " + event + ": nothing to do.", false);
        }
        if (NOVA_COMPUTE.equals(processName)) {
            return new Decision(NextStep.RECOVER, null, true);
        }
        return new Decision(NextStep.RECOVER, "Process " + processName + " stopped on " + hostname
                + ": the host is on maintenance; nothing else is needed for a process other than "
                + NOVA_COMPUTE + ".", false);
    }
}
