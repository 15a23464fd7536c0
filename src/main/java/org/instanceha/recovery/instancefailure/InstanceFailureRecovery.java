package org.instanceha.recovery.instancefailure;

/**
 * Names of {@code instance-failure-recovery.bpmn} beyond those every workflow shares ({@link WorkflowNames})
 * and those of the operators' tasks ({@link OperatorTasks}).
 */
public final class InstanceFailureRecovery {

    // Set by "Register instance failure".
    /** True when the payload's event pair is one of those that call for a recovery. */
    public static final String EVENT_CALLS_FOR_RECOVERY = "eventCallsForRecovery";
    public static final String POWER_POLL_INTERVAL = "powerPollInterval";

    // Set by "Check the instance": what it needs (InstanceFailureRules.Need).
    public static final String INSTANCE_NEEDS = "instanceNeeds";
    /** The instance_restarts row of the attempt under way. */
    public static final String RESTART_ID = "restartId";

    // Set by "Stop instance" and "Start instance", read by the checks after them.
    public static final String STOP_DEADLINE = "stopDeadline";
    public static final String START_DEADLINE = "startDeadline";
    /** Why Nova refused to stop the instance, when it did; null otherwise. */
    public static final String STOP_REFUSAL = "stopRefusal";

    // Set by "Check instance stopped" and "Check instance active" (InstanceFailureRules.PowerOutcome).
    public static final String POWER_OUTCOME = "powerOutcome";

    /** The form of "Restart ... by hand" in forms/. */
    public static final String RESTART_FORM = "restart-instance-by-hand";

    private InstanceFailureRecovery() {
    }
}
