package org.instanceha.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instanceha.notification.ProgressState.*;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How progress entries become Masakari's per-task {@code recovery_workflow_details}. */
class TaskDetailsTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 1, 10, 0);

    private static RecoveryProgress.Entry entry(String task, ProgressState state, double progress, String message) {
        return new RecoveryProgress.Entry(task, state, progress, message, AT);
    }

    @Test
    void oneEntryPerTaskInTheOrderTheyRanWithEveryMessage() {
        List<TaskDetails> tasks = TaskDetails.of(List.of(
                entry("Register notification", RUNNING, 0.5, "on maintenance"),
                entry("Register notification", SUCCESS, 1.0, "recovering"),
                entry("Evacuate instance", SUCCESS, 1.0, "vm1 accepted"),
                entry("Prepare instance", SUCCESS, 1.0, "locked vm2"),
                entry("Evacuate instance", SUCCESS, 1.0, "vm2 accepted")));

        assertThat(tasks).extracting(TaskDetails::name)
                .containsExactly("Register notification", "Evacuate instance", "Prepare instance");
        assertThat(tasks.get(0).state()).isEqualTo(SUCCESS);
        assertThat(tasks.get(0).progress()).isEqualTo(1.0);
        assertThat(tasks.get(1).entries()).extracting(RecoveryProgress.Entry::message)
                .containsExactly("vm1 accepted", "vm2 accepted");
    }

    @Test
    void aTaskIsRunningOnlyWhileItsNewestEntryIsAndInErrorOnceAnyRunFailed() {
        List<TaskDetails> tasks = TaskDetails.of(List.of(
                entry("Check compute service", RUNNING, 0.5, "still up"),
                entry("Record VM move failed", ERROR, 1.0, "vm1 failed"),
                entry("Record VM move failed", SUCCESS, 1.0, "not really, but later"),
                entry("Ignore notification", SKIPPED, 1.0, "fencing not confirmed")));

        assertThat(tasks).hasSize(3);
        assertThat(tasks.get(0).state()).isEqualTo(RUNNING);
        assertThat(tasks.get(0).progress()).isEqualTo(0.5);
        assertThat(tasks.get(1).state()).as("an error is not undone by a later success").isEqualTo(ERROR);
        assertThat(tasks.get(2).state()).isEqualTo(SKIPPED);
    }
}
