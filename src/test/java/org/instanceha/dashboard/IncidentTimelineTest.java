package org.instanceha.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.NotificationType;
import org.instanceha.notification.ProgressState;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveStatus;
import org.junit.jupiter.api.Test;

class IncidentTimelineTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 1, 10, 0, 0);

    private static LocalDateTime at(double seconds) {
        return T0.plusNanos((long) (seconds * 1e9));
    }

    private static RecoveryProgress.Entry entry(String task, ProgressState state, double seconds) {
        return new RecoveryProgress.Entry(task, state, 1.0, "m", at(seconds));
    }

    private static VmMove move(double start, double end) {
        return new VmMove(1, "m", "n", "i", "vm", "h", "d", "d", at(start), at(end), "evacuation",
                VmMoveStatus.SUCCEEDED, null, "active", 1, 512, T0, null, null, false, 1, null, null, null, true);
    }

    @Test
    void theStepsOfAnIncidentInOrderWithTheTimeSinceTheReportAndTheStepBefore() {
        Notification finished = new Notification(1, "n", T0, "h", NotificationType.COMPUTE_HOST, "{}",
                NotificationStatus.FINISHED, "s", "3 of 3", T0, at(12.5), null, false);
        List<RecoveryProgress.Entry> progress = List.of(entry("Register notification", ProgressState.SUCCESS, 0.1),
                entry("Force down compute service", ProgressState.SUCCESS, 0.3),
                entry("Disable compute service", ProgressState.SUCCESS, 0.5),
                entry("Identify protected instances", ProgressState.SUCCESS, 1.5));

        List<IncidentTimeline.Event> events = IncidentTimeline.of(finished, progress,
                List.of(move(2.0, 9.0), move(2.5, 10.0), move(3.0, 12.0)));

        assertThat(events).extracting(IncidentTimeline.Event::what).containsExactly("Report received",
                "Compute service forced down", "Compute service disabled", "Instances identified",
                "First evacuation started", "Last evacuation started", "First evacuation ended",
                "Last evacuation ended", "Finished");
        assertThat(events.get(8).sinceReport()).isEqualTo(Duration.ofMillis(12_500));
        assertThat(events.get(8).sincePreviousText()).isEqualTo("+0.5 s");
        assertThat(events.get(4).sinceReportText()).isEqualTo("+2.0 s");
    }

    @Test
    void aRunningIncidentHasNoEndAndOneInstanceOneEvacuation() {
        Notification running = new Notification(1, "n", T0, "h", NotificationType.COMPUTE_HOST, "{}",
                NotificationStatus.RUNNING, "s", null, T0, at(1), null, false);

        List<IncidentTimeline.Event> events = IncidentTimeline.of(running,
                List.of(entry("Force down compute service", ProgressState.RUNNING, 0.2)), List.of(move(2, 130)));

        assertThat(events).extracting(IncidentTimeline.Event::what)
                .containsExactly("Report received", "Evacuation started", "Evacuation ended");
        assertThat(events.get(2).sinceReportText()).isEqualTo("+2 min 10 s");
    }

    @Test
    void operatorsDecisionsAndRestartAttemptsAreSteps() {
        Notification error = new Notification(1, "n", T0, "h", NotificationType.VM, "{}",
                NotificationStatus.ERROR, "s", "given up", T0, at(30), null, false);
        VmMove decided = new VmMove(1, "m", "n", "i", "vm3", "h", null, "d", at(2), at(20), "evacuation",
                VmMoveStatus.FAILED, null, "active", 1, 512, T0, at(21), null, false, 1, null, "alice", "retry_on_host", true);
        org.instanceha.vmove.InstanceRestart restart = new org.instanceha.vmove.InstanceRestart(1, "r", "n", 1, "i",
                "vm7", "h", "active -> stopped", VmMoveStatus.FAILED, "not active", null, "bob", "give_up", at(1), at(5),
                at(25));

        List<IncidentTimeline.Event> events = IncidentTimeline.of(error, List.of(), List.of(decided), List.of(restart));

        assertThat(events).extracting(IncidentTimeline.Event::what).containsExactly("Report received",
                "Restart attempt 1 started", "Evacuation started", "Restart attempt 1 ended failed", "Evacuation ended",
                "alice decided on vm3: retry on a chosen host", "bob decided on vm7: give up", "Ended in error");
        assertThat(events.get(6).sincePreviousText()).isEqualTo("+4.0 s");
    }

    @Test
    void fencingIsToldInItsOwnWordsEachAttemptAndTheOperatorsDecision() {
        Notification running = new Notification(1, "n", T0, "h", NotificationType.COMPUTE_HOST, "{}",
                NotificationStatus.RUNNING, "s", null, T0, at(1), null, false);
        List<RecoveryProgress.Entry> progress = List.of(
                new RecoveryProgress.Entry("Fence host", ProgressState.RUNNING, 0.5, "powered it off", at(1)),
                new RecoveryProgress.Entry("Fence host", ProgressState.ERROR, 1.0, "Fencing h failed (attempt 1 of 3)",
                        at(31)),
                new RecoveryProgress.Entry("Operator's fencing decision", ProgressState.SUCCESS, 1.0,
                        "alice confirmed h is powered off: pulled the power cords", at(90)));

        assertThat(IncidentTimeline.of(running, progress, List.of())).extracting(IncidentTimeline.Event::what)
                .containsExactly("Report received", "Fencing h failed (attempt 1 of 3)",
                        "alice confirmed h is powered off: pulled the power cords");
    }

    @Test
    void whatHappenedBeforeTheReportIsShownAsTimeBeforeIt() {
        assertThat(IncidentTimeline.text(java.time.Duration.ofMillis(-3200))).isEqualTo("-3.2 s");
        assertThat(IncidentTimeline.text(java.time.Duration.ofSeconds(-125))).isEqualTo("-2 min 05 s");
        assertThat(IncidentTimeline.text(java.time.Duration.ofMillis(1400))).isEqualTo("+1.4 s");
    }
}
