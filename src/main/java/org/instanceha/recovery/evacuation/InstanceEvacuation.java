package org.instanceha.recovery.evacuation;

/**
 * Names of {@code instance-evacuation.bpmn}, the process that recovers one instance of a failed host: the
 * variables the call activity "Recover each instance" passes it (besides {@code notificationUuid}), those
 * its tasks set, and its error code.
 */
public final class InstanceEvacuation {

    // Given by the call activity of host-failure-recovery.bpmn.
    public static final String VMOVE_ID = "vmoveId";
    /** The instance's action ({@code evacuate}, {@code evacuate_stopped}, {@code ask}), read at the start. */
    public static final String EVACUATION_ACTION = "evacuationAction";
    /** Its evacuation class and why, in words, for the form that asks before the rebuild. */
    public static final String EVACUATION_REASON = "evacuationReason";
    /** The form of "Rebuild ... ?", the task of an instance whose action is {@code ask}. */
    public static final String REBUILD_FORM = "confirm-rebuild";
    public static final String RECOVERY_METHOD = "recoveryMethod";
    public static final String EVACUATION_POLL_INTERVAL = "evacuationPollInterval";
    public static final String SLOT_WAIT_INTERVAL = "slotWaitInterval";
    public static final String RETRY_DELAY = "retryDelay";

    public static final String SLOT_CLAIMED = "slotClaimed";
    // Set by "Check tier's turn": whether the earlier restart tiers let this instance start, and since when it waits.
    public static final String TIERS_TURN = "tiersTurn";
    public static final String TIER_WAIT_SINCE = "tierWaitSince";
    public static final String EVACUATION_DEADLINE = "evacuationDeadline";
    /** One of {@link EvacuationState}'s values: {@link #MOVING}, {@link #MOVED}, {@link #FAILED}. */
    public static final String EVACUATION_STATE = "evacuationState";
    public static final String MOVING = "moving";
    public static final String MOVED = "moved";
    public static final String FAILED = "failed";
    public static final String DESTINATION_HOST = "destinationHost";
    public static final String FAILURE_MESSAGE = "failureMessage";
    // Set by "Record VM move failed": retry on its own, or hand over to an operator.
    public static final String RETRY_AUTOMATICALLY = "retryAutomatically";
    // Set by "Hand over to an operator", for the form's select.
    public static final String CANDIDATE_HOSTS_SUMMARY = "candidateHostsSummary";
    /** The id of the form that shows the user task "Recover ... by hand". */
    public static final String OPERATOR_FORM = "recover-instance-by-hand";

    /** BPMN error: Nova refused to evacuate the instance, or it no longer exists. */
    public static final String ERROR_EVACUATION_REFUSED = "EVACUATION_REFUSED";

    private InstanceEvacuation() {
    }
}
