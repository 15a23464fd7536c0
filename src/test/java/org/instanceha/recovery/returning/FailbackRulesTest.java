package org.instanceha.recovery.returning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.instanceha.nova.Server;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveStatus;
import org.junit.jupiter.api.Test;

class FailbackRulesTest {

    /** vm1, evacuated from compute1 to compute2. */
    private static final VmMove EVACUATION = new VmMove(1, "m", "n", "i", "vm1", "compute1", "compute2", "compute2",
            LocalDateTime.now(), LocalDateTime.now(), "evacuation", VmMoveStatus.SUCCEEDED, null, "active", 1, 512,
            LocalDateTime.now(), null, null, false, 1, null, null, null, true);

    private static Server server(String host, String vmState, String task, Map<String, String> metadata) {
        return new Server("i", "vm1", "X", vmState, task, 1, host, host, false, metadata, 1, 512, null, "p");
    }

    @Test
    void anInstanceStillWhereTheRecoveryPutItRunningAndNotOptedOutGoesHome() {
        assertThat(FailbackRules.skipReason(EVACUATION, server("compute2", "active", null, Map.of()))).isNull();
        assertThat(FailbackRules.skipReason(EVACUATION, server("compute2", "active", null,
                Map.of("instanceha:failback", "true")))).isNull();
    }

    @Test
    void eachReasonToStayWhereItIsIsNamed() {
        assertThat(FailbackRules.skipReason(EVACUATION, null)).isEqualTo("deleted since its evacuation");
        assertThat(FailbackRules.skipReason(EVACUATION, server("compute3", "active", null, Map.of())))
                .isEqualTo("moved since its evacuation (on compute3 now)");
        assertThat(FailbackRules.skipReason(EVACUATION, server("compute2", "active", null,
                Map.of("instanceha:failback", " FALSE ")))).isEqualTo("its metadata says instanceha:failback=false");
        assertThat(FailbackRules.skipReason(EVACUATION, server("compute2", "stopped", null, Map.of())))
                .startsWith("not running (vm_state stopped)");
        assertThat(FailbackRules.skipReason(EVACUATION, server("compute2", "active", "resize_prep", Map.of())))
                .startsWith("not running (vm_state active, task_state resize_prep)");
    }

    @Test
    void aLiveMigrationHasEndedWhenItsTaskIsDoneOrTheServerIsGone() {
        assertThat(FailbackRules.settled(server("compute1", "active", null, Map.of()))).isTrue();
        assertThat(FailbackRules.settled(server("compute2", "active", "migrating", Map.of()))).isFalse();
        assertThat(FailbackRules.settled(null)).isTrue();
    }
}
