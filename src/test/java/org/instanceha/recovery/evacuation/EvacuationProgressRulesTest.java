package org.instanceha.recovery.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.instanceha.nova.Migration;
import org.instanceha.nova.Server;
import org.junit.jupiter.api.Test;

class EvacuationProgressRulesTest {

    private static Server server(String name, String vmState, String task, String host, Map<String, String> metadata) {
        return new Server("id-" + name, name, "X", vmState, task, 1, host, host, false, metadata, 1, 512, null, "project-a");
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
    void novaIsDoneWhenNoTaskRunsAndTheServerLeftOrFailedOrWhenItIsDeleted() {
        Server rebuilding = new Server("a", "a", "REBUILD", "active", "rebuilding", 1, "target", "target", true,
                Map.of(), 1, 512, null, "p");
        Server moved = new Server("a", "a", "ACTIVE", "active", null, 1, "target", "target", true, Map.of(), 1, 512,
                null, "p");
        Server failedAtHome = new Server("a", "a", "ERROR", "error", null, 1, "source", "source", true, Map.of(), 1,
                512, "No valid host", "p");
        Server idleAtHome = new Server("a", "a", "ACTIVE", "active", null, 1, "source", "source", true, Map.of(), 1,
                512, null, "p");
        Server deleted = new Server("a", "a", "DELETED", "deleted", null, 1, null, null, false, Map.of(), 1, 512,
                null, "p");

        assertThat(EvacuationProgressRules.novaIsDone(rebuilding, "source")).isFalse();
        assertThat(EvacuationProgressRules.novaIsDone(idleAtHome, "source")).as("not started yet").isFalse();
        assertThat(EvacuationProgressRules.novaIsDone(moved, "source")).isTrue();
        assertThat(EvacuationProgressRules.novaIsDone(failedAtHome, "source")).isTrue();
        assertThat(EvacuationProgressRules.novaIsDone(deleted, "source")).isTrue();
    }
}
