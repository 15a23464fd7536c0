package org.instanceha.recovery;

/**
 * Names of {@code process-failure-recovery.bpmn} beyond those it shares with host failures
 * ({@link HostFailureRecovery}: notificationUuid, hostname, nextStep, segmentEnabled, ignoreReason, ...).
 */
public final class ProcessFailureRecovery {

    public static final String PROCESS_KEY = "process-failure-recovery";

    // Set by "Register process failure".
    public static final String PROCESS_NAME = "processName";
    /** True when the stopped process is nova-compute: its service is disabled. */
    public static final String DISABLE_SERVICE = "disableService";
    /** The reason the disabled service carries in Nova. */
    public static final String DISABLE_REASON = "disableReason";
    public static final String SERVICE_DISABLED_DEADLINE = "serviceDisabledDeadline";

    // Set by "Check compute service disabled".
    public static final String SERVICE_DISABLED = "serviceDisabled";

    /** What "Finish notification" and "Fail notification" say, when a task before them decided it. */
    public static final String FINISH_REASON = "finishReason";
    public static final String FAILURE_REASON = "failureReason";

    private ProcessFailureRecovery() {
    }
}
