package org.instanceha.recovery;

/**
 * Names of {@code instance-failure-recovery.bpmn} beyond those it shares with the other workflows
 * ({@link HostFailureRecovery}: notificationUuid, hostname, nextStep, segmentEnabled, ignoreReason, the
 * operator form's fields; {@link ProcessFailureRecovery}: finishReason, failureReason).
 */
public final class InstanceFailureRecovery {

    public static final String PROCESS_KEY = "instance-failure-recovery";

    // Set by "Register instance failure".
    /** True when the payload's event pair is one of those that call for a recovery. */
    public static final String EVENT_CALLS_FOR_RECOVERY = "eventCallsForRecovery";
    public static final String POWER_POLL_INTERVAL = "powerPollInterval";

    // Set by "Check the instance": what it needs, one of these.
    public static final String INSTANCE_NEEDS = "instanceNeeds";
    public static final String NEEDS_RESTART = "restart";
    public static final String NEEDS_RESET_FIRST = "reset";
    public static final String NEEDS_NOTHING = "nothing";
    public static final String NEEDS_TO_BE_IGNORED = "ignore";
    /** The instance_restarts row of the attempt under way. */
    public static final String RESTART_ID = "restartId";

    // Set by "Stop instance" and "Start instance", read by the checks after them.
    public static final String STOP_DEADLINE = "stopDeadline";
    public static final String START_DEADLINE = "startDeadline";
    /** Why Nova refused to stop the instance, when it did; null otherwise. */
    public static final String STOP_REFUSAL = "stopRefusal";

    // Set by "Check instance stopped" and "Check instance active": one of these.
    public static final String POWER_OUTCOME = "powerOutcome";
    public static final String POWER_DONE = "done";
    public static final String POWER_WAIT = "wait";
    public static final String POWER_FAILED = "failed";

    /** The form of "Restart ... by hand" in forms/. */
    public static final String RESTART_FORM = "restart-instance-by-hand";

    private InstanceFailureRecovery() {
    }
}
