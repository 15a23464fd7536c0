package org.instanceha.recovery.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.instanceha.nova.Server;
import org.junit.jupiter.api.Test;

/** The rules the per-instance tasks and the planning task apply, without Nova, Spring or Camunda. */

class EvacuabilityRulesTest {

    private static Server server(String vmState, String task, String host) {
        return new Server("id", "vm", "X", vmState, task, 1, host, host, false, Map.of(), 1, 512, null, "project-a");
    }

    @Test
    void novaAcceptsOnlyActiveStoppedOrErrorServersWithoutATaskOtherThanOurRebuild() {
        assertThat(EvacuabilityRules.novaAccepts(server("active", null, "h"))).isTrue();
        assertThat(EvacuabilityRules.novaAccepts(server("stopped", null, "h"))).isTrue();
        assertThat(EvacuabilityRules.novaAccepts(server("error", null, "h"))).isTrue();
        assertThat(EvacuabilityRules.novaAccepts(server("active", "rebuilding", "h"))).isTrue();
        assertThat(EvacuabilityRules.novaAccepts(server("building", null, "h"))).isFalse();
        assertThat(EvacuabilityRules.novaAccepts(server("paused", null, "h"))).isFalse();
        assertThat(EvacuabilityRules.novaAccepts(server("active", "resize_prep", "h"))).isFalse();
    }

    @Test
    void anEvacuationIsUnderwayOnceTheServerLeftItsHostOrIsBeingRebuilt() {
        assertThat(EvacuabilityRules.alreadyUnderway(server("active", null, "source"), "source")).isFalse();
        assertThat(EvacuabilityRules.alreadyUnderway(server("active", "rebuilding", "source"), "source")).isTrue();
        assertThat(EvacuabilityRules.alreadyUnderway(server("active", null, "target"), "source")).isTrue();
        assertThat(EvacuabilityRules.alreadyUnderway(server("error", null, null), "source")).isTrue();
    }
}
