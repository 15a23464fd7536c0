package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instanceha.vmove.VmMoveStatus.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.ProgressState;
import org.instanceha.nova.Migration;
import org.instanceha.nova.Server;
import org.instanceha.vmove.VmMoveCounts;
import org.instanceha.vmove.VmMoveStatus;
import org.junit.jupiter.api.Test;

class RecoveryRulesTest {

    private static Server server(String name, String vmState, String task, String host, Map<String, String> metadata) {
        return new Server("id-" + name, name, "X", vmState, task, 1, host, host, false, metadata, 1, 512, null);
    }

    private static VmMoveCounts counts(Object... statusAndCount) {
        Map<VmMoveStatus, Long> counts = new java.util.EnumMap<>(VmMoveStatus.class);
        for (int i = 0; i < statusAndCount.length; i += 2) {
            counts.put((VmMoveStatus) statusAndCount[i], (Long) statusAndCount[i + 1]);
        }
        return VmMoveCounts.of(counts);
    }

    @Test
    void startedFinishesUnconfirmedFencingIsIgnoredStoppedRecovers() {
        assertThat(RegistrationRules.decide("STARTED", "NORMAL", "c1").nextStep()).isEqualTo(HostFailureRecovery.FINISH);
        assertThat(RegistrationRules.decide("STOPPED", "UNKNOWN", "c1").nextStep()).isEqualTo(HostFailureRecovery.IGNORE);
        assertThat(RegistrationRules.decide("STOPPED", null, "c1").reason()).contains("host_status missing");
        assertThat(RegistrationRules.decide("STOPPED", "NORMAL", "c1").nextStep()).isEqualTo(HostFailureRecovery.RECOVER);
    }

    @Test
    void protectedInstancesComeFirstAndTheOthersOnlyWhenAllAreEvacuated() {
        List<Server> servers = List.of(server("plain", "active", null, "h", Map.of()),
                server("ha", "active", null, "h", Map.of("HA_Enabled", "True")),
                server("broken", "error", null, "h", Map.of()));

        assertThat(ProtectedInstanceRules.select(servers, true, false)).extracting(Server::name)
                .containsExactly("ha", "plain", "broken");
        assertThat(ProtectedInstanceRules.select(servers, false, false)).extracting(Server::name).containsExactly("ha");
        assertThat(ProtectedInstanceRules.select(servers, true, true)).extracting(Server::name)
                .containsExactly("ha", "plain");
    }

    @Test
    void anEvacuationHasSettledOnlyWhenTheHostChangedAndNoTaskRuns() {
        Instant now = Instant.parse("2026-11-25T20:00:00Z");
        Instant later = now.plusSeconds(60);

        assertThat(EvacuationProgressRules.assess(Optional.of(server("vm", "active", null, "target", Map.of())), "source",
                List.of(), now, later).state()).isEqualTo(EvacuationState.MOVED);
        assertThat(EvacuationProgressRules.assess(Optional.of(server("vm", "active", null, "source", Map.of())), "source",
                List.of(), now, later).state()).as("ACTIVE on the old host is not done")
                .isEqualTo(EvacuationState.MOVING);
        assertThat(EvacuationProgressRules.assess(Optional.of(server("vm", "active", "rebuilding", "target", Map.of())),
                "source", List.of(), now, later).state()).isEqualTo(EvacuationState.MOVING);
    }

    @Test
    void anEvacuationFailsWhenNovaSaysSoTheServerVanishesOrTimeRunsOut() {
        Instant now = Instant.parse("2026-11-25T20:00:00Z");
        Server stuck = server("vm", "error", null, "source", Map.of());

        assertThat(EvacuationProgressRules.assess(Optional.of(stuck), "source",
                List.of(new Migration(1, "id-vm", "source", null, "error", "evacuation")), now, now.plusSeconds(9))
                .state()).isEqualTo(EvacuationState.FAILED);
        assertThat(EvacuationProgressRules.assess(Optional.empty(), "source", List.of(), now, now.plusSeconds(9))
                .message()).contains("no longer exists");
        assertThat(EvacuationProgressRules.assess(Optional.of(server("vm", "active", "rebuilding", "source", Map.of())),
                "source", List.of(), now, now).message()).contains("did not settle in time");
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

        assertThat(StrandedNotificationRules.settle("COMPLETED", null, counts(SUCCEEDED, 2L, FAILED, 1L),
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
