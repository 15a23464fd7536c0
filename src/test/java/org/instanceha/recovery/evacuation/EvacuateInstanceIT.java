package org.instanceha.recovery.evacuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.instanceha.ApiIntegrationTest;
import org.instanceha.recovery.TaskProgress;
import org.instanceha.simulator.SimulatedServer;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Evacuate instance" asks Nova without reading the server first, and reads it only when Nova refuses: a job
 * that runs again after Nova took its request (a crash, or an answer lost to a timeout) finds the instance
 * rebuilding and does not evacuate it twice; a refusal of an instance still on the failed host stands.
 */
class EvacuateInstanceIT extends ApiIntegrationTest {

    @Autowired
    EvacuateInstance evacuateInstance;
    @Autowired
    VmMoveRepository vmoves;

    @Test
    void aSecondRunAfterNovaTookTheRequestFindsTheInstanceRebuildingAndDoesNotAskAgain() {
        SimulatedServer vm1 = cloud.serverNamed("vm1").orElseThrow();
        VmMove move = pendingMove(vm1, "compute1", "compute3");
        cloud.failHost("compute1");
        cloud.setServiceDownTime(Duration.ZERO);
        List<String> said = new ArrayList<>();

        evacuateInstance.evacuate(move.uuid(), recording(said));
        evacuateInstance.evacuate(move.uuid(), recording(said));

        assertThat(cloud.evacuationsAccepted(vm1.id())).isEqualTo(1);
        assertThat(said).containsExactly(
                "Nova accepted the evacuation of vm1 from compute1 to compute3.",
                "vm1 is already being evacuated: not asking Nova again.");
    }

    @Test
    void aRefusalOfAnInstanceStillOnTheFailedHostStands() {
        SimulatedServer vm2 = cloud.serverNamed("vm2").orElseThrow();
        VmMove move = pendingMove(vm2, "compute1", "compute3");
        // compute1's nova-compute still reports: Nova refuses, the server stays where it is.

        assertThatThrownBy(() -> evacuateInstance.evacuate(move.uuid(), TaskProgress.NONE))
                .isInstanceOf(EvacuationRefused.class)
                .hasMessageContaining("Compute service of compute1 is still in use.");
        assertThat(cloud.evacuationsAccepted(vm2.id())).isZero();
    }

    private VmMove pendingMove(SimulatedServer server, String source, String target) {
        String notification = UUID.randomUUID().toString();
        LocalDateTime now = LocalDateTime.now();
        jdbc.sql("""
                INSERT INTO notifications (notification_uuid, generated_time, source_host_uuid, type, payload, status,
                                           created_at)
                VALUES (:uuid, :now, :host, 'COMPUTE_HOST', '{}', 'running', :now)""")
                .param("uuid", notification).param("now", now).param("host", UUID.randomUUID().toString()).update();
        VmMove move = vmoves.createPending(notification, server.id(), server.name(), source, "active", 1, 512, true,
                null, now);
        vmoves.planTarget(move.uuid(), target, now);
        return move;
    }

    private static TaskProgress recording(List<String> said) {
        return (state, progress, message) -> said.add(message);
    }
}
