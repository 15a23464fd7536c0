package org.instanceha.recovery.processfailure;

/** Names of {@code process-failure-recovery.bpmn} beyond those every workflow shares ({@link WorkflowNames}). */
public final class ProcessFailureRecovery {


    // Set by "Register process failure".
    public static final String PROCESS_NAME = "processName";
    /** True when the stopped process is nova-compute: its service is disabled. */
    public static final String DISABLE_SERVICE = "disableService";
    public static final String SERVICE_DISABLED_DEADLINE = "serviceDisabledDeadline";

    // Set by "Check compute service disabled".
    public static final String SERVICE_DISABLED = "serviceDisabled";


    private ProcessFailureRecovery() {
    }
}
