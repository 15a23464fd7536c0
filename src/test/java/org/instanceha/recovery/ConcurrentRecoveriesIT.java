package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.instanceha.AtOnce;
import org.instanceha.HttpApi.Response;
import org.instanceha.recovery.hostfailure.PlanTargets;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recoveries that run at the same time do not count the same free room twice: a host's room that one
 * plan has taken is claimed (in the database, so across engine nodes) until Nova has taken the
 * evacuation on, and the next plan sees it taken.
 */
class ConcurrentRecoveriesIT extends RecoveryScenarioSupport {

    @Autowired
    PlanTargets planTargets;
    @Autowired
    VmMoveRepository vmoves;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    org.instanceha.nova.Compute compute;

    /**
     * A segment "rack" of r1 and r2 (to fail, each with one 4096 MB instance) and t1 and t2 (7680 MB free
     * each, Nova keeping 512 MB): room for both instances, but not for both on one host.
     */
    private String rack() {
        Response created = api.post("/v1/segments", """
                {"segment": {"name": "rack", "recovery_method": "auto", "service_type": "COMPUTE"}}""").send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String segment = created.json().at("/segment/uuid").asText();
        for (String host : List.of("r1", "r2", "t1", "t2")) {
            cloud.addComputeHost(host, 10, 8192);
            addHost(segment, host, false, 0);
        }
        cloud.addServer("big-a", "r1", "3", "demo", Map.of("HA_Enabled", "True"));
        cloud.addServer("big-b", "r2", "3", "demo", Map.of("HA_Enabled", "True"));
        return segment;
    }

    @Test
    void aSecondPlanDoesNotOfferTheRoomAFirstPlanTook() {
        String segment = rack();
        for (String host : List.of("r1", "r2")) {
            cloud.failHost(host);
            compute.forceDown(host, true);
        }
        String first = storeNotification(segment, hostUuid("r1"), "running");
        String second = storeNotification(segment, hostUuid("r2"), "running");
        VmMove a = vmoves.createPending(first, "id-a", "big-a", "r1", "active", 2, 4096, true, null, now());
        VmMove b = vmoves.createPending(second, "id-b", "big-b", "r2", "active", 2, 4096, true, null, now());

        plan(first, "r1");
        plan(second, "r2");

        assertThat(List.of(vmoves.require(a.uuid()).targetHost(), vmoves.require(b.uuid()).targetHost()))
                .as("the first took one host's room; the second sees it taken").containsExactlyInAnyOrder("t1", "t2");
    }

    @Test
    void twoHostsFailingAtOnceHaveEveryInstancePlacedOnceWithoutOverbooking() throws Exception {
        rack();

        List<String> notifications = failAtOnce("r1", "r2");

        assertEveryInstanceMovedAtFirstAttempt(notifications);
        assertThat(List.of(serverHost("big-a"), serverHost("big-b"))).containsExactlyInAnyOrder("t1", "t2");
        for (String server : List.of("big-a", "big-b")) {
            assertThat(cloud.evacuationsAccepted(cloud.serverNamed(server).orElseThrow().id())).as(server).isEqualTo(1);
        }
    }

    /**
     * The demo cloud's segment of compute1..4 (compute5 reserved): compute1 and compute2 fail at once. Their
     * instances need 3 and 5 GiB (vm5 alone 4 GiB) of the 9 GiB that compute3 and compute4 have free, and
     * fit only if neither plan leaves vm5's 4 GiB split between the two hosts.
     */
    @Test
    void twoHostsOfTheDemoCloudFailingAtOnceBothFinishWithEveryInstancePlaced() throws Exception {
        segment("auto", true);

        List<String> notifications = failAtOnce("compute1", "compute2");

        assertEveryInstanceMovedAtFirstAttempt(notifications);
        assertThat(List.of("vm1", "vm2", "vm3", "vm4", "vm5", "vm6")).allSatisfy(vm ->
                assertThat(serverHost(vm)).as(vm).isIn("compute3", "compute4"));
    }

    /** The hosts die in the simulator and their monitors report them at the same moment; the notifications. */
    private List<String> failAtOnce(String... hosts) throws Exception {
        List<Callable<Boolean>> reports = new ArrayList<>();
        List<String> notifications = java.util.Collections.synchronizedList(new ArrayList<>());
        for (String host : hosts) {
            cloud.failHost(host);
            reports.add(() -> {
                Response r = report(host, "STOPPED", "NORMAL");
                notifications.add(r.json().at("/notification/notification_uuid").asText());
                return r.status() == 202;
            });
        }
        assertThat(AtOnce.countWinners(hosts.length, reports)).isEqualTo(hosts.length);
        return notifications;
    }

    private void assertEveryInstanceMovedAtFirstAttempt(List<String> notifications) {
        for (String notification : notifications) {
            var done = awaitEnd(notification);
            assertThat(done.get("status").asText()).as(describeRecovery(notification)).isEqualTo("finished");
            assertThat(jdbc.sql("SELECT instance_name || ': ' || message FROM vmoves WHERE notification_uuid = :n"
                            + " AND status <> 'succeeded'").param("n", notification).query(String.class).list())
                    .as("no attempt failed").isEmpty();
        }
    }

    private void plan(String notification, String failedHost) {
        transactions.executeWithoutResult(tx -> planTargets.plan(notification, failedHost, RecoveryMethod.AUTO,
                (state, progress, message) -> { }));
    }

    private String hostUuid(String name) {
        return jdbc.sql("SELECT uuid FROM hosts WHERE name = :name AND deleted = 0").param("name", name)
                .query(String.class).single();
    }

    private static java.time.LocalDateTime now() {
        return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
    }
}
