package org.instanceha.recovery.instancefailure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.instanceha.nova.Server;
import org.instanceha.recovery.instancefailure.InstanceFailureRules.Need;
import org.instanceha.recovery.instancefailure.InstanceFailureRules.PowerOutcome;
import org.instanceha.recovery.ProtectedInstanceRules;
import org.junit.jupiter.api.Test;

class InstanceFailureRulesTest {

    private static Server server(String vmState, String taskState, String host, Map<String, String> metadata) {
        return new Server("id-1", "vm1", "X", vmState, taskState, 1, host, host, false, metadata, 1, 512, null, "project-a");
    }

    private static Server protectedOne(String vmState) {
        return server(vmState, null, "compute3", Map.of("HA_Enabled", "True"));
    }

    @Test
    void onlyMasakarisThreeEventPairsCallForRecovery() {
        assertThat(InstanceFailureRules.callsForRecovery("LIFECYCLE", "STOPPED_FAILED")).isTrue();
        assertThat(InstanceFailureRules.callsForRecovery("QEMU_GUEST_AGENT_ERROR", "STOPPED_FAILED")).isTrue();
        assertThat(InstanceFailureRules.callsForRecovery("IO_ERROR", "IO_ERROR_REPORT")).isTrue();
        assertThat(InstanceFailureRules.callsForRecovery("LIFECYCLE", "STOPPED_SHUTDOWN")).as("owner's shutdown")
                .isFalse();
        assertThat(InstanceFailureRules.callsForRecovery("LIFECYCLE", "STOPPED_DESTROYED")).isFalse();
        assertThat(InstanceFailureRules.callsForRecovery("IO_ERROR", "STOPPED_FAILED")).isFalse();
        assertThat(InstanceFailureRules.callsForRecovery(null, null)).isFalse();
        assertThat(InstanceFailureRules.ignoredEvent("LIFECYCLE", "STOPPED_SHUTDOWN", "u-1")).isEqualTo(
                "Event LIFECYCLE (STOPPED_SHUTDOWN) of instance u-1 does not call for a recovery: only [IO_ERROR "
                        + "(IO_ERROR_REPORT), LIFECYCLE (STOPPED_FAILED), QEMU_GUEST_AGENT_ERROR (STOPPED_FAILED)] do.");
    }

    @Test
    void whatAnInstanceNeedsFollowsMasakarisOrder() {
        assertThat(InstanceFailureRules.assess(null, "u-1", "compute3", false).need()).isEqualTo(Need.IGNORE);
        assertThat(InstanceFailureRules.assess(server("active", null, "compute3", Map.of()), "id-1", "compute3", false)
                .need()).as("not protected").isEqualTo(Need.NOTHING);
        assertThat(InstanceFailureRules.assess(server("active", null, "compute3", Map.of()), "id-1", "compute3", true)
                .need()).as("process-all-instances").isEqualTo(Need.RESTART);
        assertThat(InstanceFailureRules.assess(server("paused", null, "compute2", Map.of()), "id-1", "compute3", false)
                .need()).as("not protected comes before the host and the state").isEqualTo(Need.NOTHING);
        assertThat(InstanceFailureRules.assess(protectedOne("active"), "id-1", "compute2", false).reason())
                .isEqualTo("Instance vm1 (id-1) is on compute3 now, not on compute2 where the failure was reported: "
                        + "nothing was done.");
        assertThat(InstanceFailureRules.assess(protectedOne("paused"), "id-1", "compute3", false).need())
                .isEqualTo(Need.IGNORE);
        assertThat(InstanceFailureRules.assess(protectedOne("rescued"), "id-1", "compute3", false).need())
                .isEqualTo(Need.IGNORE);
        assertThat(InstanceFailureRules.assess(protectedOne("resized"), "id-1", "compute3", false).need())
                .isEqualTo(Need.RESET_FIRST);
        for (String state : new String[] {"active", "stopped", "error"}) {
            assertThat(InstanceFailureRules.assess(protectedOne(state), "id-1", "compute3", false).need()).as(state)
                    .isEqualTo(Need.RESTART);
        }
    }

    @Test
    void haEnabledTakesMasakarisTrueValues() {
        for (String yes : new String[] {"True", "true", "yes", "1", "on", " T "}) {
            assertThat(ProtectedInstanceRules.haEnabled(server("active", null, "h", Map.of("HA_Enabled", yes))))
                    .as(yes).isTrue();
        }
        for (String no : new String[] {"False", "0", "no", "", "maybe"}) {
            assertThat(ProtectedInstanceRules.haEnabled(server("active", null, "h", Map.of("HA_Enabled", no))))
                    .as(no).isFalse();
        }
    }

    @Test
    void aStopIsDoneWhenNovaShowsItStoppedAndFailsOnlyWhenTheTimeIsOver() {
        assertThat(InstanceFailureRules.afterStop(protectedOne("stopped"), false)).isEqualTo(PowerOutcome.DONE);
        assertThat(InstanceFailureRules.afterStop(protectedOne("stopped"), true)).isEqualTo(PowerOutcome.DONE);
        assertThat(InstanceFailureRules.afterStop(server("active", "powering-off", "h", Map.of()), false))
                .isEqualTo(PowerOutcome.WAIT);
        assertThat(InstanceFailureRules.afterStop(server("active", "powering-off", "h", Map.of()), true))
                .isEqualTo(PowerOutcome.FAILED);
        assertThat(InstanceFailureRules.afterStop(null, false)).isEqualTo(PowerOutcome.FAILED);
    }

    @Test
    void aStartFailsAtOnceWhenNovaRevertedItsTaskWithTheInstanceStillStopped() {
        assertThat(InstanceFailureRules.afterStart(protectedOne("active"), false)).isEqualTo(PowerOutcome.DONE);
        assertThat(InstanceFailureRules.afterStart(server("stopped", "powering-on", "h", Map.of()), false))
                .isEqualTo(PowerOutcome.WAIT);
        assertThat(InstanceFailureRules.afterStart(server("stopped", null, "h", Map.of()), false))
                .isEqualTo(PowerOutcome.FAILED);
        assertThat(InstanceFailureRules.afterStart(server("error", null, "h", Map.of()), false))
                .isEqualTo(PowerOutcome.FAILED);
        assertThat(InstanceFailureRules.afterStart(server("stopped", "powering-on", "h", Map.of()), true))
                .isEqualTo(PowerOutcome.FAILED);
    }
}
