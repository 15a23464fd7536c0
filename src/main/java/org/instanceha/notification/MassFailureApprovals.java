package org.instanceha.notification;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a mass failure waits for a person: one Tasklist task per segment, "Approve recovery of N hosts", that
 * lists the failed hosts with their evidence. Declared here for the host monitor, implemented by the engine.
 */
public interface MassFailureApprovals {

    /** The hosts of the approval still open for this segment; empty when none is open. */
    Optional<Set<String>> openFor(String segmentUuid);

    /** Opens the approval of these hosts of the segment, in the caller's transaction. */
    void ask(String segmentUuid, String segmentName, List<FailureToApprove> hosts);
}
