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
