package org.instanceha.recovery;

/**
 * Names of {@code host-failure-recovery.bpmn} and of {@code instance-evacuation.bpmn}, the process its call
 * activity "Recover each instance" starts once per protected instance: their keys, their variables, their
 * error codes.
 */
public final class HostFailureRecovery {

    public static final String PROCESS_KEY = "host-failure-recovery";
    /** The process that recovers one instance of a failed host, as its own process instance. */
    public static final String EVACUATION_PROCESS_KEY = "instance-evacuation";

    // Variables a start provides (the v1 intake sets notificationUuid; a REST start gives the other four).
    public static final String NOTIFICATION_UUID = "notificationUuid";
    public static final String HOSTNAME = "hostname";
    public static final String TYPE = "type";
    public static final String GENERATED_TIME = "generatedTime";
    public static final String PAYLOAD = "payload";

    // Set by "Register notification".
    /** What to do: one of {@link #RECOVER}, {@link #FINISH}, {@link #IGNORE}, {@link #REJECT}. */
    public static final String NEXT_STEP = "nextStep";
    public static final String RECOVER = "recover";
    public static final String FINISH = "finish";
    public static final String IGNORE = "ignore";
    public static final String REJECT = "reject";
    public static final String IGNORE_REASON = "ignoreReason";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String SEGMENT_ENABLED = "segmentEnabled";
    public static final String FORCE_DOWN = "forceDown";
    public static final String RECOVERY_METHOD = "recoveryMethod";
    /** The failed host's segment's name, for models that route by it (an approval for "critical-*"). */
    public static final String SEGMENT_NAME = "segmentName";
    public static final String SERVICE_DOWN_DEADLINE = "serviceDownDeadline";
    public static final String SERVICE_POLL_INTERVAL = "servicePollInterval";
    public static final String EVACUATION_POLL_INTERVAL = "evacuationPollInterval";
    public static final String SLOT_WAIT_INTERVAL = "slotWaitInterval";
    public static final String RETRY_DELAY = "retryDelay";

    // Set by "Check compute service".
    public static final String SERVICE_DOWN = "serviceDown";
    public static final String SERVICE_WAIT_EXPIRED = "serviceWaitExpired";

    // Set by "Identify protected instances" and the planning tasks.
    public static final String VMOVE_IDS = "vmoveIds";
    public static final String INSTANCE_COUNT = "instanceCount";

    // Per instance, variables of its instance-evacuation process (given notificationUuid, recoveryMethod, the
    // three intervals and its vmoveId by the call activity).
    public static final String VMOVE_ID = "vmoveId";
    public static final String SLOT_CLAIMED = "slotClaimed";
    public static final String EVACUATION_DEADLINE = "evacuationDeadline";
    /** One of {@link #MOVING}, {@link #MOVED}, {@link #FAILED}. */
    public static final String EVACUATION_STATE = "evacuationState";
    public static final String MOVING = "moving";
    public static final String MOVED = "moved";
    public static final String FAILED = "failed";
    public static final String DESTINATION_HOST = "destinationHost";
    public static final String FAILURE_MESSAGE = "failureMessage";

    // Set by "Record VM move failed": retry on its own, or hand over to an operator.
    public static final String RETRY_AUTOMATICALLY = "retryAutomatically";

    // Set by "Hand over to an operator", for the user task and its form.
    public static final String OPERATOR_GROUP = "operatorGroup";
    public static final String INSTANCE_NAME = "instanceName";
    public static final String INSTANCE_UUID = "instanceUuid";
    public static final String SOURCE_HOST = "sourceHost";
    public static final String NOVA_STATE = "novaState";
    public static final String NOVA_FAULT = "novaFault";
    public static final String ATTEMPTS = "attempts";
    public static final String NOTIFICATION_SUMMARY = "notificationSummary";
    public static final String SEGMENT_SUMMARY = "segmentSummary";
    /** A JSON list of {label, value}: the hosts that could take the instance now, for the form's select. */
    public static final String CANDIDATE_HOSTS = "candidateHosts";
    public static final String CANDIDATE_HOSTS_SUMMARY = "candidateHostsSummary";

    // The operator's decision: the fields of forms/recover-instance-by-hand.form, and who took it.
    public static final String OPERATOR_DECISION = "operatorDecision";
    public static final String CHOSEN_HOST = "chosenHost";
    public static final String OPERATOR_COMMENT = "operatorComment";
    public static final String OPERATOR_USER = "operatorUser";
    /** The variables the workflow reads from the operator's form: exactly its fields. */
    public static final java.util.List<String> OPERATOR_FORM_FIELDS = java.util.List.of(OPERATOR_DECISION,
            CHOSEN_HOST, OPERATOR_COMMENT);
    /** The id of the form that shows the user task. */
    public static final String OPERATOR_FORM = "recover-instance-by-hand";

    // Set by "Conclude notification".
    public static final String ALL_RECOVERED = "allRecovered";

    /** BPMN error: Nova refused to evacuate the instance, or it no longer exists. */
    public static final String ERROR_EVACUATION_REFUSED = "EVACUATION_REFUSED";

    private HostFailureRecovery() {
    }
}
