package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instanceha.detection.Signals.Management.*;
import static org.instanceha.detection.Signals.Power.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.instanceha.notification.Verdict;
import org.junit.jupiter.api.Test;

class DetectionRulesTest {

    private static final Duration STALE = Duration.ofSeconds(15);
    private static final Duration FRESH = Duration.ofSeconds(3);
    private static final Duration OLD = Duration.ofSeconds(20);
    /** The test bed's report_interval: a heartbeat is late after 7.5 s. */
    private static final Duration REPORTS = Duration.ofSeconds(3);
    private static final Duration LATE = Duration.ofSeconds(9);

    private static Verdict judge(Duration age, Signals.Management management, Signals.Power bmc) {
        return DetectionRules.judge(new Signals(age, true, false, management, bmc), STALE, REPORTS);
    }

    @Test
    void aFreshHeartbeatIsHealthyUnlessTheManagementAddressWentSilent() {
        assertThat(judge(FRESH, ANSWERS, NOT_READ)).isEqualTo(Verdict.HEALTHY);
        assertThat(judge(FRESH, NONE, NOT_READ)).isEqualTo(Verdict.HEALTHY);
        assertThat(judge(FRESH, SILENT, NOT_READ)).isEqualTo(Verdict.SUSPECT);
        assertThat(judge(FRESH, SILENT, ON)).as("the BMC says it runs: wait for Nova").isEqualTo(Verdict.SUSPECT);
    }

    @Test
    void aBmcThatSaysOffIsAPowerLossAlreadyFencedWithoutWaitingForNova() {
        assertThat(judge(FRESH, SILENT, OFF)).isEqualTo(Verdict.FENCED);
        assertThat(judge(OLD, SILENT, OFF)).isEqualTo(Verdict.FENCED);
        assertThat(DetectionRules.judge(new Signals(OLD, false, true, SILENT, OFF), STALE, REPORTS))
                .as("forced down already: a recovery is under way, no second report").isEqualTo(Verdict.FAILED);
    }

    @Test
    void aBmcThatSaysOffWhileTheHostLivesByItsOwnSignalsIsAContradictionNeverAPowerLoss() {
        assertThat(judge(FRESH, ANSWERS, OFF)).as("its management address answers").isEqualTo(Verdict.BMC_DISAGREES);
        assertThat(judge(OLD, ANSWERS, OFF)).as("nova-compute is down, but the host runs")
                .isEqualTo(Verdict.BMC_DISAGREES);
        assertThat(judge(FRESH, NONE, OFF)).as("no management address, and a fresh heartbeat")
                .isEqualTo(Verdict.BMC_DISAGREES);
        assertThat(judge(OLD, NONE, OFF)).as("no management address, and the heartbeat agrees")
                .isEqualTo(Verdict.FENCED);
        assertThat(judge(null, NONE, OFF)).as("Nova lists no service").isEqualTo(Verdict.FENCED);
        assertThat(Verdict.BMC_DISAGREES.reported()).isFalse();
    }

    @Test
    void hostsWhoseBmcDisagreesDoNotLookDeadAtOnce() {
        assertThat(CycleCheck.problem(Instant.EPOCH, Instant.EPOCH, Duration.ofSeconds(30),
                List.of(Verdict.BMC_DISAGREES, Verdict.BMC_DISAGREES, Verdict.FAILED))).isEmpty();
    }

    @Test
    void aLateHeartbeatIsAHungHostOnlyWhileTheManagementAddressIsSilentAndTheBmcAnswersOn() {
        assertThat(judge(LATE, SILENT, ON)).as("hung: its BMC can power it off").isEqualTo(Verdict.FAILED);
        assertThat(judge(LATE, ANSWERS, ON)).as("only late: the host answers").isEqualTo(Verdict.HEALTHY);
        assertThat(judge(LATE, NONE, ON)).as("nothing but Nova to tell: wait until stale").isEqualTo(Verdict.HEALTHY);
        assertThat(judge(LATE, SILENT, NO_ANSWER)).as("cut off, perhaps running: wait until stale")
                .isEqualTo(Verdict.SUSPECT);
        assertThat(judge(LATE, SILENT, NOT_READ)).isEqualTo(Verdict.SUSPECT);
        assertThat(judge(Duration.ofMillis(7_400), SILENT, ON)).as("not yet 2.5 reports").isEqualTo(Verdict.SUSPECT);
        assertThat(DetectionRules.judge(new Signals(LATE, true, false, SILENT, ON), STALE, Duration.ofSeconds(10)))
                .as("Nova's default report_interval: late after 25 s").isEqualTo(Verdict.SUSPECT);
    }

    @Test
    void aStaleHeartbeatIsAFailureUnlessTheHostStillAnswers() {
        assertThat(judge(OLD, SILENT, ON)).isEqualTo(Verdict.FAILED);
        assertThat(judge(OLD, SILENT, NO_ANSWER)).isEqualTo(Verdict.FAILED);
        assertThat(judge(OLD, NONE, ON)).isEqualTo(Verdict.FAILED);
        assertThat(judge(null, SILENT, ON)).as("Nova lists no service").isEqualTo(Verdict.FAILED);
        assertThat(judge(OLD, ANSWERS, ON)).as("only nova-compute is down").isEqualTo(Verdict.PROCESS_DOWN);
        assertThat(judge(OLD, NONE, NO_BMC)).isEqualTo(Verdict.NOT_PROTECTABLE);
        assertThat(judge(OLD, SILENT, NO_BMC)).as("no BMC, but a silent management address").isEqualTo(Verdict.FAILED);
    }

    @Test
    void theBmcIsReadAtOnceForAHostThatLooksAnythingButWell() {
        assertThat(DetectionRules.readBmcNow(new Signals(FRESH, true, false, ANSWERS, NOT_READ), STALE)).isFalse();
        assertThat(DetectionRules.readBmcNow(new Signals(FRESH, true, false, SILENT, NOT_READ), STALE)).isTrue();
        assertThat(DetectionRules.readBmcNow(new Signals(OLD, false, false, NONE, NOT_READ), STALE)).isTrue();
    }

    @Test
    void aVerdictIsReportedOnceAfterItHeldForTheConfirmingCyclesAndAHostBackInTimeIsNever() {
        HostWatch watch = new HostWatch("compute4");
        Instant t0 = Instant.parse("2026-12-06T10:00:00Z");
        assertThat(watch.observe(Verdict.PROCESS_DOWN, t0, 3)).isFalse();
        assertThat(watch.observe(Verdict.FAILED, t0.plusSeconds(3), 3)).isFalse();
        assertThat(watch.observe(Verdict.FAILED, t0.plusSeconds(6), 3)).isFalse();
        assertThat(watch.observe(Verdict.FAILED, t0.plusSeconds(9), 3)).as("third cycle of FAILED").isTrue();
        assertThat(watch.observe(Verdict.FAILED, t0.plusSeconds(12), 3)).as("reported once").isFalse();
        assertThat(watch.firstMiss()).isEqualTo(t0);

        HostWatch back = new HostWatch("compute3");
        back.observe(Verdict.FAILED, t0, 3);
        back.observe(Verdict.FAILED, t0.plusSeconds(3), 3);
        assertThat(back.observe(Verdict.HEALTHY, t0.plusSeconds(6), 3)).isFalse();
        assertThat(back.firstMiss()).isNull();
        assertThat(back.observe(Verdict.FAILED, t0.plusSeconds(9), 3)).as("counting starts over").isFalse();
    }

    @Test
    void aSuspectHostThatTurnsFailedCountsItsSilentCyclesButIsSeenFailedTwice() {
        Instant t0 = Instant.parse("2026-12-06T10:00:00Z");
        HostWatch hung = new HostWatch("compute4");
        hung.observe(Verdict.SUSPECT, t0, 3);
        hung.observe(Verdict.SUSPECT, t0.plusSeconds(5), 3);
        assertThat(hung.observe(Verdict.FAILED, t0.plusSeconds(10), 3)).as("one cycle of FAILED").isFalse();
        assertThat(hung.observe(Verdict.FAILED, t0.plusSeconds(15), 3)).as("silent all along, failed twice").isTrue();

        HostWatch twoCycles = new HostWatch("compute3");
        twoCycles.observe(Verdict.SUSPECT, t0, 2);
        assertThat(twoCycles.observe(Verdict.FAILED, t0.plusSeconds(5), 2)).isFalse();
        assertThat(twoCycles.observe(Verdict.FAILED, t0.plusSeconds(10), 2)).isTrue();
    }

    @Test
    void aFailureThatBeganWithAStaleHeartbeatDatesFromTheLastHeartbeat() {
        Instant t0 = Instant.parse("2026-12-06T10:00:00Z");
        HostWatch hung = new HostWatch("compute4");
        hung.saw(new Signals(Duration.ofSeconds(17), false, false, Signals.Management.SILENT, Signals.Power.ON), t0);
        hung.observe(Verdict.FAILED, t0, 3);
        assertThat(hung.firstMiss()).isEqualTo(t0.minusSeconds(17));
        assertThat(hung.sinceLastHeartbeat()).isTrue();

        HostWatch suspect = new HostWatch("compute3");
        suspect.saw(new Signals(Duration.ofSeconds(2), true, false, Signals.Management.SILENT, Signals.Power.ON), t0);
        suspect.observe(Verdict.SUSPECT, t0, 3);
        suspect.saw(new Signals(Duration.ofSeconds(20), false, false, Signals.Management.SILENT, Signals.Power.ON),
                t0.plusSeconds(18));
        suspect.observe(Verdict.FAILED, t0.plusSeconds(18), 3);
        assertThat(suspect.firstMiss()).as("its management address went silent first").isEqualTo(t0);
        assertThat(suspect.sinceLastHeartbeat()).isFalse();
    }

    @Test
    void aPowerLossNeedsNoConfirmingCyclesAndAHostThatCannotBeProtectedIsNeverReported() {
        HostWatch watch = new HostWatch("compute2");
        assertThat(watch.observe(Verdict.FENCED, Instant.EPOCH, 3)).isTrue();
        HostWatch bare = new HostWatch("compute5");
        for (int i = 0; i < 5; i++) {
            assertThat(bare.observe(Verdict.NOT_PROTECTABLE, Instant.EPOCH.plusSeconds(i), 3)).isFalse();
        }
    }

    @Test
    void theObserverJudgesNoOneWhenItIsCutOffItself() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        Duration skew = Duration.ofSeconds(30);
        assertThat(CycleCheck.problem(null, now, skew, List.of(Verdict.HEALTHY))).get().asString()
                .contains("did not answer");
        assertThat(CycleCheck.problem(now.minusSeconds(120), now, skew, List.of(Verdict.HEALTHY))).get().asString()
                .contains("stale data");
        assertThat(CycleCheck.problem(now, now, skew, List.of(Verdict.FAILED, Verdict.FAILED, Verdict.SUSPECT)))
                .get().asString().contains("our own network");
        assertThat(CycleCheck.problem(now, now, skew, List.of(Verdict.FAILED, Verdict.HEALTHY))).isEmpty();
        assertThat(CycleCheck.problem(now, now, skew, List.of(Verdict.FAILED))).as("one host watched").isEmpty();
    }

    @Test
    void moreThanHalfOfASegmentAndAtLeastTwoHostsIsAMassFailure() {
        assertThat(DetectionRules.massFailure(1, 2, 0.5, 2)).isFalse();
        assertThat(DetectionRules.massFailure(2, 4, 0.5, 2)).as("half is not more than half").isFalse();
        assertThat(DetectionRules.massFailure(3, 4, 0.5, 2)).isTrue();
        assertThat(DetectionRules.massFailure(2, 3, 0.5, 2)).isTrue();
        assertThat(DetectionRules.massFailure(1, 1, 0.5, 2)).as("a one-host segment").isFalse();
    }
}
