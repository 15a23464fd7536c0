package org.instanceha.recovery.massfailure;

/**
 * Names of {@code mass-failure-approval.bpmn}: what its start gives the user task "Approve recovery of N hosts"
 * and its form, which reads the operator's decision back in {@code operatorDecision} and {@code operatorComment}.
 */
public final class MassFailureApproval {

    public static final String APPROVAL_FORM = "approve-mass-failure-recovery";

    // Given by the start (the host monitor, through CamundaMassFailureApprovals); the business key is the segment's uuid.
    public static final String SEGMENT_UUID = "segmentUuid";
    public static final String SEGMENT_NAME = "segmentName";
    public static final String HOST_COUNT = "hostCount";
    /** The hosts as JSON, each as the monitor judged it ({@code FailureToApprove}); what approving reports. */
    public static final String FAILED_HOSTS = "failedHosts";
    /** The same hosts as a Markdown table, for the form. */
    public static final String FAILED_HOSTS_TABLE = "failedHostsTable";

    private MassFailureApproval() {
    }
}
