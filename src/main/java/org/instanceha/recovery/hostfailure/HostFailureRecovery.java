package org.instanceha.recovery.hostfailure;

/**
 * Names of {@code host-failure-recovery.bpmn} beyond those every workflow shares ({@link WorkflowNames})
 * and those its call activity passes to each instance's evacuation ({@link InstanceEvacuation}).
 */
public final class HostFailureRecovery {

    // Set by "Register notification".
    public static final String FORCE_DOWN = "forceDown";
    /** The failed host's segment's name, for models that route by it (an approval for "critical-*"). */
    public static final String SEGMENT_NAME = "segmentName";
    public static final String SERVICE_DOWN_DEADLINE = "serviceDownDeadline";

    // Set by "Register notification", for the fencing step's timers.
    public static final String FENCING_POLL_INTERVAL = "fencingPollInterval";
    public static final String FENCING_RETRY_DELAY = "fencingRetryDelay";
    /** Power the host on once its instances are evacuated: the setting, for a host with a BMC. */
    public static final String POWER_ON_AFTER_RECOVERY = "powerOnAfterRecovery";

    // Set by "Fence host": where fencing stands, and what the BMC answered (never a password).
    public static final String FENCING_OUTCOME = "fencingOutcome";
    public static final String FENCING_ATTEMPT = "fencingAttempt";
    public static final String FENCING_DEADLINE = "fencingDeadline";
    public static final String POWER_OFF_SENT = "powerOffSent";
    public static final String FENCING_EVIDENCE = "fencingEvidence";

    // Set by "Describe host for operator", for the user task "Confirm ... is powered off" and its form.
    public static final String FENCING_FORM = "confirm-host-powered-off";
    public static final String BMC_SUMMARY = "bmcSummary";
    public static final String NOVA_SERVICE_SUMMARY = "novaServiceSummary";
    public static final String INSTANCES_WAITING = "instancesWaiting";

    // Set by "Check compute service".
    public static final String SERVICE_DOWN = "serviceDown";

    // Set by "Identify protected instances" and the planning tasks.
    public static final String VMOVE_IDS = "vmoveIds";
    public static final String INSTANCE_COUNT = "instanceCount";

    // Set by "Conclude notification".
    public static final String ALL_RECOVERED = "allRecovered";

    private HostFailureRecovery() {
    }
}
