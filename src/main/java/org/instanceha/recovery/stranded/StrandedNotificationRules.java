package org.instanceha.recovery.stranded;

import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.ProgressState;
import org.instanceha.vmove.VmMoveCounts;
import org.instanceha.vmove.VmMoveStatus;

/**
 * What a notification that still says {@code new} or {@code running} should say once its workflow is
 * gone: cancelled (deleted in Cockpit, or terminated) -> {@code error}, and its unfinished VM moves
 * failed; ended -> what its VM moves and its last progress entry show (the workflow ended without
 * recording it: an edited BPMN that skips "Conclude notification", or a lost update); no workflow at
 * all, not even in the history -> {@code error}. Plain Java.
 */
public final class StrandedNotificationRules {

    /** Camunda's names for how a process instance ended (HistoricProcessInstance#getState). */
    public static final String COMPLETED = "COMPLETED";

    /**
     * The notification's new status and message; {@code unfinishedMoveMessage} is what its pending and
     * ongoing VM moves fail with.
     */
    public record Settlement(NotificationStatus status, String message, String unfinishedMoveMessage) {

        /** The state of the progress entry that records it: success, skipped or error. */
        public ProgressState progressState() {
            return ProgressState.ofEnding(status);
        }
    }

    private StrandedNotificationRules() {
    }

    /**
     * @param workflowState     how the workflow ended (COMPLETED, EXTERNALLY_TERMINATED, ...); null when no
     *                          workflow is known for the notification
     * @param deleteReason      why it was deleted, when it was
     * @param moveCounts        the notification's VM moves by status
     * @param lastProgressState the state of its last progress entry, or null
     */
    public static Settlement settle(String workflowState, String deleteReason, VmMoveCounts moveCounts,
                                    ProgressState lastProgressState) {
        long unfinished = moveCounts.unfinished();
        String moves = moveSummary(moveCounts);
        if (workflowState == null) {
            return new Settlement(NotificationStatus.ERROR, "No recovery workflow exists for this notification, "
                    + "not even in the engine's history: nothing more will be done for it." + moves,
                    "The recovery workflow of this notification no longer exists; check the instance in Nova.");
        }
        if (!COMPLETED.equals(workflowState)) {
            String why = deleteReason == null || deleteReason.isBlank() ? "" : " (" + deleteReason + ")";
            return new Settlement(NotificationStatus.ERROR, "The recovery workflow was cancelled" + why
                    + " before it ended." + moves,
                    "The recovery was cancelled before this evacuation ended; check the instance in Nova.");
        }
        String moveMessage = "The recovery workflow ended before this evacuation ended; check the instance in Nova.";
        if (unfinished > 0 || moveCounts.get(VmMoveStatus.FAILED) > 0) {
            return new Settlement(NotificationStatus.ERROR, "The recovery workflow ended." + moves, moveMessage);
        }
        if (lastProgressState == ProgressState.SKIPPED) {
            return new Settlement(NotificationStatus.IGNORED, "The recovery workflow ended without recovering "
                    + "anything." + moves, moveMessage);
        }
        if (lastProgressState == ProgressState.ERROR) {
            return new Settlement(NotificationStatus.ERROR, "The recovery workflow ended with an error." + moves,
                    moveMessage);
        }
        return new Settlement(NotificationStatus.FINISHED, "The recovery workflow ended." + moves, moveMessage);
    }

    private static String moveSummary(VmMoveCounts counts) {
        return counts.isEmpty() ? "" : " " + counts.summary();
    }
}
