package org.instanceha.recovery;

/**
 * The names every recovery workflow shares: the process keys of the four models, the variables a start
 * provides, and what the registration tasks decide (the next step and its reason). Each model's own names
 * are in its keys class ({@code HostFailureRecovery}, {@code InstanceEvacuation}, {@code OperatorTasks},
 * {@code InstanceFailureRecovery}, {@code ProcessFailureRecovery}).
 */
public final class WorkflowNames {

    public static final String HOST_FAILURE_RECOVERY = "host-failure-recovery";
    /** The process that recovers one instance of a failed host, as its own process instance. */
    public static final String INSTANCE_EVACUATION = "instance-evacuation";
    public static final String INSTANCE_FAILURE_RECOVERY = "instance-failure-recovery";
    public static final String PROCESS_FAILURE_RECOVERY = "process-failure-recovery";
    /** The operators' approval of a mass failure the host monitor found; it reports the hosts approved. */
    public static final String MASS_FAILURE_APPROVAL = "mass-failure-approval";
    /** A recovered host healthy again goes back into service (the host monitor starts it; business key: its recovery). */
    public static final String RETURN_HOST_TO_SERVICE = "return-host-to-service";

    // Variables a start provides (the v1 intake sets notificationUuid; a REST start gives the other four).
    public static final String NOTIFICATION_UUID = "notificationUuid";
    public static final String HOSTNAME = "hostname";
    public static final String TYPE = "type";
    public static final String GENERATED_TIME = "generatedTime";
    public static final String PAYLOAD = "payload";

    // Set by the registration task of each workflow.
    /** What to do: one of {@link NextStep}'s values. */
    public static final String NEXT_STEP = "nextStep";
    public static final String SEGMENT_ENABLED = "segmentEnabled";
    public static final String IGNORE_REASON = "ignoreReason";
    public static final String REJECTION_REASON = "rejectionReason";
    /** What "Finish notification" and "Fail notification" say, when a task before them decided it. */
    public static final String FINISH_REASON = "finishReason";
    public static final String FAILURE_REASON = "failureReason";
    /** The reason "Disable compute service" gives the disabled service in Nova, when a task before it decided it. */
    public static final String DISABLE_REASON = "disableReason";

    // The waits for Nova of the host and the process workflows: how often to ask, and whether to stop.
    public static final String SERVICE_POLL_INTERVAL = "servicePollInterval";
    public static final String SERVICE_WAIT_EXPIRED = "serviceWaitExpired";

    private WorkflowNames() {
    }
}
