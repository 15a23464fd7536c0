package org.instanceha.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.instanceha.ApiIntegrationTest;
import org.instanceha.AtOnce;
import org.instanceha.common.ConflictException;
import org.instanceha.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Masakari's 409 rules and the conditional claim of a reserved host, against the service and the
 * repository directly, on H2 and (tag db, second pass) on PostgreSQL.
 */
class SegmentRulesIT extends ApiIntegrationTest {

    @Autowired
    SegmentService segments;
    @Autowired
    HostRepository hosts;
    @Autowired
    TransactionTemplate transactions;

    private Segment segment(String name) {
        return segments.createSegment(SegmentFields.segment(name, null, "auto", "COMPUTE", true));
    }

    private Host host(Segment segment, String name, boolean reserved) {
        novaHasComputeHosts(name);
        return segments.createHost(segment.uuid(), SegmentFields.host(name, "COMPUTE", "SSH", reserved, "0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "running", "error"})
    void aSegmentAndItsHostsDoNotChangeWhileOneOfItsNotificationsIsBeingHandled(String status) {
        Segment segment = segment("seg-" + status);
        Host host = host(segment, "compute1", false);
        storeNotification(segment.uuid(), host.uuid(), status);

        var rename = SegmentFields.segmentChanges("renamed", null, "auto", "COMPUTE", true);
        assertThatThrownBy(() -> segments.updateSegment(segment.uuid(), rename))
                .isInstanceOf(ConflictException.class).hasMessageContaining("in-use to process notifications");
        assertThatThrownBy(() -> segments.deleteSegment(segment.uuid())).isInstanceOf(ConflictException.class);
        var reserve = new HostChanges(null, null, null, true, null, null);
        assertThatThrownBy(() -> segments.updateHost(segment.uuid(), host.uuid(), reserve))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Host " + host.uuid());
        assertThatThrownBy(() -> segments.deleteHost(segment.uuid(), host.uuid())).isInstanceOf(ConflictException.class);
        assertThat(segments.getSegment(segment.uuid()).name()).isEqualTo("seg-" + status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"finished", "ignored", "failed"})
    void aSegmentWhoseNotificationsHaveEndedMayChange(String status) {
        Segment segment = segment("seg-" + status);
        Host host = host(segment, "compute1", false);
        storeNotification(segment.uuid(), host.uuid(), status);

        segments.updateHost(segment.uuid(), host.uuid(), new HostChanges(null, null, null, true, null, null));
        segments.updateSegment(segment.uuid(), SegmentFields.segmentChanges("renamed", null, "auto", "COMPUTE", true));

        assertThat(segments.getHost(segment.uuid(), host.uuid()).reserved()).isTrue();
        assertThat(segments.getSegment(segment.uuid()).name()).isEqualTo("renamed");
        segments.deleteSegment(segment.uuid());
        assertThat(hosts.findByUuid(host.uuid())).isEmpty();
    }

    @Test
    void aNotificationOfAnotherSegmentDoesNotBlockThisOne() {
        Segment busy = segment("busy");
        Host busyHost = host(busy, "compute1", false);
        storeNotification(busy.uuid(), busyHost.uuid(), "running");
        Segment quiet = segment("quiet");
        host(quiet, "compute2", false);

        segments.deleteSegment(quiet.uuid());

        assertThat(segments.listSegments(new SegmentFilter(null, null, null),
                new org.instanceha.common.PageRequest(10, null, List.of(new org.instanceha.common.SortKey("id", true)))))
                .extracting(Segment::name)
                .containsExactly("busy");
    }

    @Test
    void namesAreUniqueSegmentsPerCloudAndHostsAcrossSegments() {
        Segment first = segment("seg");
        host(first, "compute1", false);
        Segment second = segment("other");

        assertThatThrownBy(() -> segment("seg")).isInstanceOf(ConflictException.class)
                .hasMessage("Failover segment with name seg already exists.");
        assertThatThrownBy(() -> host(second, "compute1", false)).isInstanceOf(ConflictException.class)
                .hasMessage("Host with name compute1 already exists.");
        assertThatThrownBy(() -> segments.createHost(second.uuid(), SegmentFields.host("compute99", "COMPUTE", "SSH",
                false, "0"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("Compute service with name compute99 could not be found.");
    }

    @Test
    void aReservedHostIsClaimedOnceThenNoLongerReserved() {
        Host spare = host(segment("seg"), "compute5", true);
        LocalDateTime now = LocalDateTime.now();

        assertThat(hosts.claimReserved(spare.id(), now)).isTrue();
        assertThat(hosts.claimReserved(spare.id(), now)).as("a second recovery does not get it").isFalse();
        assertThat(hosts.findByUuid(spare.uuid()).orElseThrow().reserved()).isFalse();
    }

    @Test
    void ofRecoveriesClaimingOneReservedHostAtOnceExactlyOneGetsIt() throws Exception {
        Host spare = host(segment("seg"), "compute5", true);
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(() -> transactions.execute(tx -> hosts.claimReserved(spare.id(), LocalDateTime.now())));
        }

        assertThat(AtOnce.countWinners(8, claims)).isEqualTo(1);
    }

    @Test
    void putOnMaintenanceAlsoEndsAReservation() {
        Host spare = host(segment("seg"), "compute5", true);

        hosts.putOnMaintenance(spare.id(), LocalDateTime.now());

        Host now = hosts.findByUuid(spare.uuid()).orElseThrow();
        assertThat(now.onMaintenance()).isTrue();
        assertThat(now.reserved()).isFalse();
        assertThat(hosts.claimReserved(spare.id(), LocalDateTime.now())).isFalse();
    }
}
