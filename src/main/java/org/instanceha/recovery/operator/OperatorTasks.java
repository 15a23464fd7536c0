package org.instanceha.recovery.operator;

/**
 * Names of the operators' user tasks ("Recover ... by hand", "Restart ... by hand"): what a hand-over task
 * writes for the form to show, and the form's fields, which the workflow reads back.
 */
public final class OperatorTasks {

    // Set by the hand-over tasks, for the user task and its form.
    public static final String OPERATOR_GROUP = "operatorGroup";
    public static final String INSTANCE_NAME = "instanceName";
    public static final String INSTANCE_UUID = "instanceUuid";
    public static final String SOURCE_HOST = "sourceHost";
    public static final String NOVA_STATE = "novaState";
    public static final String NOVA_FAULT = "novaFault";
    public static final String ATTEMPTS = "attempts";
    public static final String NOTIFICATION_SUMMARY = "notificationSummary";
    public static final String SEGMENT_SUMMARY = "segmentSummary";

    // The operator's decision: the fields of the forms, and who took it.
    public static final String OPERATOR_DECISION = "operatorDecision";
    public static final String CHOSEN_HOST = "chosenHost";
    public static final String OPERATOR_COMMENT = "operatorComment";
    public static final String OPERATOR_USER = "operatorUser";
    /** The variables the workflow reads from the operator's form: exactly its fields. */
    public static final java.util.List<String> OPERATOR_FORM_FIELDS = java.util.List.of(OPERATOR_DECISION,
            CHOSEN_HOST, OPERATOR_COMMENT);

    private OperatorTasks() {
    }
}
