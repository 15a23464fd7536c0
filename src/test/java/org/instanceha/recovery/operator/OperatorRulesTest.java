package org.instanceha.recovery.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.instanceha.recovery.planning.TargetPlanner;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveStatus;
import org.junit.jupiter.api.Test;

class OperatorRulesTest {

    private static final List<TargetPlanner.Candidate> HOSTS = List.of(
            new TargetPlanner.Candidate("c1", 1, 8192, 0, false),
            new TargetPlanner.Candidate("c2", 8, 1024, 0, false),
            new TargetPlanner.Candidate("c3", 8, 8192, 0, true));

    private static VmMove attempt(int n, String target) {
        return new VmMove(n, "m" + n, "n", "i", "vm", "src", null, target, null, null, "evacuation",
                VmMoveStatus.FAILED, "failed", "active", 2, 4096, LocalDateTime.MIN, null, null, false, n, null, null, null, true);
    }

    @Test
    void onlyTheFirstAttemptsUpToTheSettingAreRetriedAutomatically() {
        assertThat(OperatorRules.retryAutomatically(1, 1)).isTrue();
        assertThat(OperatorRules.retryAutomatically(2, 1)).isFalse();
        assertThat(OperatorRules.retryAutomatically(1, 0)).as("0: hand over at once").isFalse();
        assertThat(OperatorRules.retryAutomatically(3, 3)).isTrue();
    }

    @Test
    void aRetryAvoidsTheSourceAndEveryTargetThatFailed() {
        assertThat(OperatorRules.excludedTargets(List.of(attempt(1, "c1"), attempt(2, null), attempt(3, "c2"))))
                .containsExactly("c1", "c2", "src");
    }

    @Test
    void hostsWithRoomHaveEnoughOfBothVcpuAndRam() {
        assertThat(OperatorRules.hostsWithRoom(HOSTS, 2, 4096)).extracting(TargetPlanner.Candidate::host)
                .containsExactly("c3");
    }

    @Test
    void aDecisionIsAcceptedOnlyWhenItCanBeCarriedOut() {
        List<TargetPlanner.Candidate> room = OperatorRules.hostsWithRoom(HOSTS, 2, 4096);
        assertThat(OperatorRules.problem("retry_on_host", "c3", null, room)).isEmpty();
        assertThat(OperatorRules.problem("retry_scheduler", null, null, List.of())).isEmpty();
        assertThat(OperatorRules.problem("recovered_by_hand", null, "done with the CLI", List.of())).isEmpty();
        assertThat(OperatorRules.problem("give_up", null, "tenant deleted it", List.of())).isEmpty();

        assertThat(OperatorRules.problem("retry_on_host", "c2", null, room)).get().asString()
                .startsWith("Host 'c2' cannot take the instance now").endsWith("Hosts that can: c3.");
        assertThat(OperatorRules.problem("retry_on_host", "c9", null, List.of())).get().asString()
                .endsWith("No host of the segment can take it now.");
        assertThat(OperatorRules.problem("retry_on_host", " ", null, room)).get().asString()
                .isEqualTo("Choose the host to retry on.");
        assertThat(OperatorRules.problem("give_up", null, "  ", room)).get().asString()
                .isEqualTo("Say in the comment why the instance is given up.");
        assertThat(OperatorRules.problem("recovered_by_hand", null, null, room)).get().asString()
                .isEqualTo("Say in the comment how the instance was recovered.");
        assertThat(OperatorRules.problem(null, null, null, room)).get().asString()
                .startsWith("Choose what to do with the instance (retry_on_host, retry_scheduler, "
                        + "recovered_by_hand, give_up).");
        assertThat(OperatorRules.problem("x".repeat(1000), null, null, room)).get().asString()
                .contains("(1000 characters)").hasSizeLessThan(300);
    }

    @Test
    void aRestartDecisionIsOneOfItsOwnThree() {
        assertThat(OperatorRules.restartProblem("retry", null)).isEmpty();
        assertThat(OperatorRules.restartProblem("recovered_by_hand", "started it with the CLI")).isEmpty();
        assertThat(OperatorRules.restartProblem("give_up", "  ")).get().asString()
                .isEqualTo("Say in the comment why the instance is given up.");
        assertThat(OperatorRules.restartProblem("retry_on_host", null)).get().asString()
                .isEqualTo("Choose what to do with the instance (retry, recovered_by_hand, give_up); 'retry_on_host' "
                        + "is none of them.");
        assertThat(OperatorRules.problem("retry", null, null, List.of())).as("not a choice for an evacuation")
                .get().asString().endsWith("'retry' is none of them.");
    }

    @Test
    void aMassFailureIsApprovedOrRejectedWithAReason() {
        assertThat(OperatorRules.approvalProblem("approve", null)).isEmpty();
        assertThat(OperatorRules.approvalProblem("reject", "switch sw-3 rebooted")).isEmpty();
        assertThat(OperatorRules.approvalProblem("reject", " ")).get().asString()
                .isEqualTo("Say in the comment why none of the hosts is recovered.");
        assertThat(OperatorRules.approvalProblem(null, null)).get().asString()
                .isEqualTo("Choose whether to recover the hosts (approve, reject).");
        assertThat(OperatorRules.approvalProblem("confirmed_off", "x")).get().asString()
                .endsWith("'confirmed_off' is none of them.");
        assertThat(OperatorRules.fencingProblem("approve", "x")).as("not a choice for fencing").isPresent();
    }
}
