package org.instanceha.recovery.stranded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instanceha.vmove.VmMoveStatus.*;

import java.util.Map;

import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.ProgressState;
import org.instanceha.vmove.VmMoveCounts;
import org.instanceha.vmove.VmMoveStatus;
import org.junit.jupiter.api.Test;

class StrandedNotificationRulesTest {

    private static VmMoveCounts counts(Object... statusAndCount) {
        Map<VmMoveStatus, Long> counts = new java.util.EnumMap<>(VmMoveStatus.class);
        for (int i = 0; i < statusAndCount.length; i += 2) {
            counts.put((VmMoveStatus) statusAndCount[i], (Long) statusAndCount[i + 1]);
        }
        return VmMoveCounts.of(counts);
    }

    @Test
    void aStrandedNotificationSaysWhatItsWorkflowAndItsMovesShow() {
        var cancelled = StrandedNotificationRules.settle("EXTERNALLY_TERMINATED", "Cancelled by jane",
                counts(SUCCEEDED, 1L, ONGOING, 2L), ProgressState.RUNNING);
        assertThat(cancelled.status()).isEqualTo(NotificationStatus.ERROR);
        assertThat(cancelled.message()).isEqualTo("The recovery workflow was cancelled (Cancelled by jane) before it "
                + "ended. 1 of 3 instance(s) evacuated, 2 not finished.");
        assertThat(cancelled.unfinishedMoveMessage()).contains("cancelled before this evacuation ended");
        assertThat(cancelled.progressState()).isEqualTo(ProgressState.ERROR);

        var allMoved = StrandedNotificationRules.settle("COMPLETED", null, counts(SUCCEEDED, 3L), ProgressState.SUCCESS);
        assertThat(allMoved.status()).isEqualTo(NotificationStatus.FINISHED);
        assertThat(allMoved.message()).isEqualTo("The recovery workflow ended. 3 of 3 instance(s) evacuated.");
        assertThat(allMoved.progressState()).isEqualTo(ProgressState.SUCCESS);

        assertThat(StrandedNotificationRules.settle("COMPLETED", null, counts(SUCCEEDED, 2L, org.instanceha.vmove.VmMoveStatus.FAILED, 1L),
                ProgressState.ERROR).message()).isEqualTo("The recovery workflow ended. 2 of 3 instance(s) evacuated, 1 failed.");
        assertThat(StrandedNotificationRules.settle("COMPLETED", null, counts(SUCCEEDED, 2L, PENDING, 1L),
                ProgressState.SUCCESS).status()).isEqualTo(NotificationStatus.ERROR);
        var ignored = StrandedNotificationRules.settle("COMPLETED", null, counts(), ProgressState.SKIPPED);
        assertThat(ignored.status()).isEqualTo(NotificationStatus.IGNORED);
        assertThat(ignored.progressState()).isEqualTo(ProgressState.SKIPPED);
        assertThat(StrandedNotificationRules.settle("COMPLETED", null, counts(), ProgressState.ERROR).status())
                .isEqualTo(NotificationStatus.ERROR);
        assertThat(StrandedNotificationRules.settle("COMPLETED", null, counts(), null).status())
                .isEqualTo(NotificationStatus.FINISHED);

        var unknown = StrandedNotificationRules.settle(null, null, counts(), null);
        assertThat(unknown.status()).isEqualTo(NotificationStatus.ERROR);
        assertThat(unknown.message()).startsWith("No recovery workflow exists for this notification");
    }
}
