package org.instanceha.vmove;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.instanceha.ApiIntegrationTest;
import org.instanceha.AtOnce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The VM move records and their conditional updates, against the repository directly, on H2 and
 * (tag db, second pass) on PostgreSQL: evacuation slots are counted in the database, so that the
 * bound holds across engine nodes.
 */
class VmMoveRepositoryIT extends ApiIntegrationTest {

    @Autowired
    VmMoveRepository vmoves;
    @Autowired
    VmMoveQueries queries;
    @Autowired
    TransactionTemplate transactions;

    private String notification;
    private final LocalDateTime now = LocalDateTime.of(2026, 12, 1, 10, 0);

    @BeforeEach
    void aNotification() {
        notification = storeNotification(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "running");
        vmoves.createSlotLock(notification);
    }

    private VmMove pending(String instance) {
        return vmoves.createPending(notification, "id-" + instance, instance, "compute4", "active", 1, 512, true, null, now);
    }

    @Test
    void anInstanceIdentifiedTwiceKeepsItsFirstMove() {
        VmMove first = pending("vm1");
        VmMove again = pending("vm1");

        assertThat(again.uuid()).isEqualTo(first.uuid());
        assertThat(vmoves.allOf(notification)).hasSize(1);
        assertThat(first.status()).isEqualTo(VmMoveStatus.PENDING);
    }

    @Test
    void aSlotIsClaimedOnlyWhileFewerThanTheBoundAreOngoing() {
        VmMove a = pending("a");
        VmMove b = pending("b");
        VmMove c = pending("c");

        assertThat(vmoves.claimSlot(a.uuid(), notification, 2, 0, now)).isTrue();
        assertThat(vmoves.claimSlot(b.uuid(), notification, 2, 0, now)).isTrue();
        assertThat(vmoves.claimSlot(c.uuid(), notification, 2, 0, now)).as("two are ongoing").isFalse();
        assertThat(vmoves.require(c.uuid()).status()).isEqualTo(VmMoveStatus.PENDING);
        assertThat(vmoves.claimSlot(a.uuid(), notification, 2, 0, now)).as("a claim that ran before holds").isTrue();

        vmoves.succeeded(a.uuid(), "compute1", now);
        assertThat(vmoves.claimSlot(c.uuid(), notification, 2, 0, now)).as("a finished move frees its slot").isTrue();
        assertThat(vmoves.claimSlot(a.uuid(), notification, 2, 0, now)).as("a finished move is not started again")
                .isFalse();
        VmMove started = vmoves.require(c.uuid());
        assertThat(started.status()).isEqualTo(VmMoveStatus.ONGOING);
        assertThat(started.startTime()).isEqualTo(now);
    }

    /** Moves a and b planned to compute1, c to compute2. */
    private VmMove[] twoForCompute1OneForCompute2() {
        VmMove a = pending("a");
        VmMove b = pending("b");
        VmMove c = pending("c");
        vmoves.planTarget(a.uuid(), "compute1", now);
        vmoves.planTarget(b.uuid(), "compute1", now);
        vmoves.planTarget(c.uuid(), "compute2", now);
        return new VmMove[] {a, b, c};
    }

    @Test
    void aTargetTakesAtMostItsBoundOfEvacuationsInFlightWhateverTheNotification() {
        VmMove[] moves = twoForCompute1OneForCompute2();
        VmMove a = moves[0];
        VmMove b = moves[1];
        VmMove c = moves[2];

        assertThat(vmoves.claimSlot(a.uuid(), notification, 10, 50, 1, now)).isTrue();
        assertThat(vmoves.claimSlot(b.uuid(), notification, 10, 50, 1, now)).as("compute1 has one in flight").isFalse();
        assertThat(vmoves.claimSlot(c.uuid(), notification, 10, 50, 1, now)).as("compute2 has none").isTrue();
        vmoves.evacuationSettled(a.uuid(), now);
        assertThat(vmoves.claimSlot(b.uuid(), notification, 10, 50, 1, now)).as("a settled: compute1 is free").isTrue();
    }

    @Test
    void aMoveWhoseEvacuationSettledFreesItsSlotWhileStillOngoing() {
        VmMove a = pending("a");
        VmMove b = pending("b");
        VmMove c = pending("c");
        assertThat(vmoves.claimSlot(a.uuid(), notification, 1, 1, now)).isTrue();
        assertThat(vmoves.claimSlot(b.uuid(), notification, 1, 1, now)).as("a's evacuation is in flight").isFalse();
        assertThat(vmoves.evacuationSettled(b.uuid(), now)).as("only an ongoing move settles").isFalse();

        assertThat(vmoves.evacuationSettled(a.uuid(), now)).isTrue();
        assertThat(vmoves.evacuationSettled(a.uuid(), now)).as("once").isFalse();

        assertThat(vmoves.require(a.uuid()).status()).as("its outcome is not recorded yet")
                .isEqualTo(VmMoveStatus.ONGOING);
        assertThat(vmoves.claimSlot(b.uuid(), notification, 1, 1, now))
                .as("a settled evacuation frees its slot, under both bounds").isTrue();
        assertThat(vmoves.claimSlot(c.uuid(), notification, 1, 1, now)).isFalse();
        assertThat(vmoves.claimSlot(a.uuid(), notification, 1, 1, now)).as("a claim that ran before still holds")
                .isTrue();
    }

    @Test
    void concurrentClaimsNeverExceedTheBound() throws Exception {
        int instances = 12;
        int bound = 3;
        List<VmMove> moves = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            moves.add(pending("vm" + i));
        }
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (VmMove move : moves) {
            claims.add(() -> transactions.execute(tx -> vmoves.claimSlot(move.uuid(), notification, bound, 0, now)));
        }

        assertThat(AtOnce.countWinners(6, claims)).isEqualTo(bound);
        assertThat(vmoves.countByStatus(notification).get(VmMoveStatus.ONGOING)).isEqualTo(bound);
    }

    @Test
    void concurrentClaimsOfSeveralNotificationsNeverExceedTheCloudWideBound() throws Exception {
        String other = storeNotification(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "running");
        vmoves.createSlotLock(other);
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            VmMove here = pending("here" + i);
            VmMove there = vmoves.createPending(other, "id-there" + i, "there" + i, "compute3", "active", 1, 512, true, null, now);
            claims.add(() -> transactions.execute(tx -> vmoves.claimSlot(here.uuid(), notification, 10, 5, now)));
            claims.add(() -> transactions.execute(tx -> vmoves.claimSlot(there.uuid(), other, 10, 5, now)));
        }

        assertThat(AtOnce.countWinners(6, claims)).as("5 over both, though each may have 10").isEqualTo(5);
        assertThat(vmoves.countByStatus(notification).get(VmMoveStatus.ONGOING)
                + vmoves.countByStatus(other).get(VmMoveStatus.ONGOING)).isEqualTo(5);
    }

    @Test
    void aSlotFreedUnderTheCloudWideBoundIsOfferedToNotificationsBelowTheirOwnBoundOnly() {
        String atItsBound = notification;
        String belowItsBound = storeNotification(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "running");
        String nothingWaiting = storeNotification(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "running");
        for (String n : List.of(belowItsBound, nothingWaiting)) {
            vmoves.createSlotLock(n);
        }
        VmMove a = pending("a");
        VmMove b = pending("b");
        pending("c");
        vmoves.claimSlot(a.uuid(), atItsBound, 2, 0, now);
        vmoves.claimSlot(b.uuid(), atItsBound, 2, 0, now);
        VmMove d = vmoves.createPending(belowItsBound, "id-d", "d", "compute3", "active", 1, 512, true, null, now);
        VmMove e = vmoves.createPending(belowItsBound, "id-e", "e", "compute3", "active", 1, 512, true, null, now);
        vmoves.claimSlot(d.uuid(), belowItsBound, 2, 0, now);
        VmMove f = vmoves.createPending(nothingWaiting, "id-f", "f", "compute2", "active", 1, 512, true, null, now);
        vmoves.claimSlot(f.uuid(), nothingWaiting, 2, 0, now);

        List<String> withRoom = vmoves.withRoomForAnEvacuation(2, 1000);
        assertThat(withRoom).contains(belowItsBound).doesNotContain(atItsBound, nothingWaiting);

        vmoves.evacuationSettled(a.uuid(), now);
        withRoom = vmoves.withRoomForAnEvacuation(2, 1000);
        assertThat(withRoom).as("a settled evacuation frees its notification's slot").contains(atItsBound);
        assertThat(withRoom.indexOf(atItsBound)).as("the one waiting longest first")
                .isLessThan(withRoom.indexOf(belowItsBound));
        vmoves.claimSlot(e.uuid(), belowItsBound, 2, 0, now);
        assertThat(vmoves.withRoomForAnEvacuation(2, 1000)).as("nothing of it waits any more")
                .doesNotContain(belowItsBound);
    }

    @Test
    void aPlannedMoveClaimsItsTargetsRoomUntilNovaTookItOnAndTheGracePassed() {
        CapacityClaims capacity = new CapacityClaims(jdbc);
        VmMove[] moves = twoForCompute1OneForCompute2();
        VmMove a = moves[0];
        VmMove b = moves[1];
        VmMove c = moves[2];

        assertThat(capacity.byHost(now)).containsEntry("compute1", new CapacityClaims.Claim(2, 1024))
                .containsEntry("compute2", new CapacityClaims.Claim(1, 512));
        vmoves.claimSlot(a.uuid(), notification, 10, 0, now);
        capacity.accepted(a.uuid(), now);
        assertThat(capacity.byHost(now.minusSeconds(5))).as("within the grace")
                .containsEntry("compute1", new CapacityClaims.Claim(2, 1024));
        assertThat(capacity.byHost(now.plusSeconds(1))).as("after the grace: Nova counts it")
                .containsEntry("compute1", new CapacityClaims.Claim(1, 512));
        vmoves.failed(b.uuid(), "refused", now);
        vmoves.succeeded(c.uuid(), "compute2", now);
        assertThat(capacity.byHost(now.minusSeconds(5))).as("settled moves claim nothing")
                .containsOnlyKeys("compute1").containsEntry("compute1", new CapacityClaims.Claim(1, 512));
    }

    @Test
    void aPlannedTargetIsSetOnlyOnAPendingMove() {
        VmMove pending = pending("a");
        VmMove ongoing = pending("b");
        vmoves.claimSlot(ongoing.uuid(), notification, 10, 0, now);
        vmoves.planTarget(ongoing.uuid(), "compute9", now);

        vmoves.planTarget(pending.uuid(), "compute1", now);

        assertThat(vmoves.require(pending.uuid()).targetHost()).isEqualTo("compute1");
        assertThat(vmoves.require(ongoing.uuid()).targetHost()).isNull();
    }

    @Test
    void failingTheUnfinishedLeavesEndedMovesAsTheyAre() {
        VmMove done = pending("done");
        VmMove running = pending("running");
        VmMove waiting = pending("waiting");
        vmoves.claimSlot(done.uuid(), notification, 10, 0, now);
        vmoves.succeeded(done.uuid(), "compute1", now);
        vmoves.claimSlot(running.uuid(), notification, 10, 0, now);

        int failed = vmoves.failUnfinished(notification, "cancelled", now);

        assertThat(failed).isEqualTo(2);
        VmMoveCounts counts = vmoves.countByStatus(notification);
        assertThat(counts.get(VmMoveStatus.SUCCEEDED)).isEqualTo(1);
        assertThat(counts.get(VmMoveStatus.FAILED)).isEqualTo(2);
        assertThat(counts.summary()).isEqualTo("1 of 3 instance(s) evacuated, 2 failed.");
        assertThat(vmoves.require(waiting.uuid()).message()).isEqualTo("cancelled");
        assertThat(vmoves.require(done.uuid()).destHost()).isEqualTo("compute1");
    }

    @Test
    void theListFiltersByStatus() {
        VmMove a = pending("a");
        pending("b");
        vmoves.claimSlot(a.uuid(), notification, 10, 0, now);

        List<VmMove> ongoing = queries.list(notification, VmMoveStatus.ONGOING, null,
                org.instanceha.common.CallerScope.EVERYTHING, new org.instanceha.common.PageRequest(10, null, List.of(new org.instanceha.common.SortKey("id", true))));

        assertThat(ongoing).hasSize(1);
        assertThat(ongoing.get(0).uuid()).isEqualTo(a.uuid());
    }
}
