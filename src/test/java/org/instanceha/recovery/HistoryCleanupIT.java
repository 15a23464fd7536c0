package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * Camunda's history does not grow for ever: every ended workflow gets a removal time 30 days after its
 * end (the models' historyTimeToLive), and the engine has scheduled its cleanup job in the daily window
 * of {@code instanceha.history.cleanup-window-start} and {@code -end} (01:00 to 05:00) on its own.
 */
class HistoryCleanupIT extends RecoveryScenarioSupport {

    @Test
    void anEndedWorkflowIsRemovedThirtyDaysAfterItsEndByAJobInTheNightlyWindow() {
        segment("auto", false);
        String notification = hostFails("compute1");
        assertThat(awaitEnd(notification).get("status").asText()).isEqualTo("ignored");

        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(notification).singleResult();
        assertThat(ended.getEndTime()).isNotNull();
        assertThat(ended.getRemovalTime().toInstant()).as("removal time of the ended workflow")
                .isEqualTo(ended.getEndTime().toInstant().atZone(ZoneId.systemDefault()).plusDays(30).toInstant());

        List<Job> cleanup = historyService.findHistoryCleanupJobs();
        assertThat(cleanup).as("the engine's history cleanup jobs").isNotEmpty();
        for (Job job : cleanup) {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(due).as("time of day the cleanup job is due").isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        }
    }
}
