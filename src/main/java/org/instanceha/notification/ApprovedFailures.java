package org.instanceha.notification;

import java.util.List;

/**
 * Reports the hosts of a mass failure that an operator approved, each as the host monitor judged it, through the
 * intake ({@link FailureReports}); the approval's workflow asks it.
 */
public interface ApprovedFailures {

    /** Reports each host; one reported already (or no longer registered) is left as it is, and logged. */
    void report(List<FailureToApprove> hosts, String approvedBy, String comment);
}
