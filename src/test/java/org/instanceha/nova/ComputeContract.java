package org.instanceha.nova;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour instance-ha relies on from Nova, through the {@link Compute} port. Runs against the
 * simulator ({@code SimulatorComputeIT}) and, when {@code OS_AUTH_URL} names one, a real cloud
 * ({@code RealCloudComputeIT}).
 */
abstract class ComputeContract {

    private final List<String> hostsToRestore = new ArrayList<>();

    /** The adapter under test. */
    abstract Compute compute();

    /** The cloud behind it. */
    abstract CloudUnderTest cloud();

    /** The adapter's page size when listing servers. */
    abstract int pageSize();

    @AfterEach
    void restoreKilledHosts() {
        hostsToRestore.forEach(cloud()::restoreHost);
        hostsToRestore.clear();
    }

    private String killedHostWithServers(int count) {
        String host = cloud().hostWithServers(count);
        hostsToRestore.add(host);
        cloud().killHost(host);
        return host;
    }

    @Test
    void findsTheNovaComputeServiceOfAHost() {
        String host = cloud().hostWithServers(1);

        ComputeServiceInfo service = compute().computeService(host).orElseThrow();

        assertThat(service.host()).isEqualTo(host);
        assertThat(service.id()).matches("[0-9a-f-]{36}");
        assertThat(service.up()).isTrue();
        assertThat(service.enabled()).isTrue();
        assertThat(service.forcedDown()).isFalse();
        assertThat(compute().computeService("no-such-host-" + System.nanoTime())).isEmpty();
        assertThat(service.updatedAt()).as("Nova's last heartbeat").matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    @Test
    void listsEveryNovaComputeServiceWithItsHeartbeat() {
        String host = cloud().hostWithServers(1);

        List<ComputeServiceInfo> services = compute().computeServices();

        assertThat(services).extracting(ComputeServiceInfo::host).contains(host).doesNotHaveDuplicates();
        assertThat(services).allSatisfy(s -> assertThat(s.id()).matches("[0-9a-f-]{36}"));
        ComputeServiceInfo listed = services.stream().filter(s -> s.host().equals(host)).findFirst().orElseThrow();
        assertThat(listed.id()).isEqualTo(compute().computeService(host).orElseThrow().id());
        assertThat(listed.up()).isTrue();
        assertThat(listed.updatedAt()).isNotNull();
    }

    @Test
    void showsAServerWithItsStateHostAndFlavor() {
        String host = cloud().hostWithServers(1);
        String id = cloud().serverIdsOn(host).iterator().next();

        Server server = compute().server(id).orElseThrow();

        assertThat(server.id()).isEqualTo(id);
        assertThat(server.host()).isEqualTo(host);
        assertThat(server.hypervisorHostname()).isNotBlank();
        assertThat(server.vmState()).isIn("active", "stopped", "error");
        assertThat(server.vcpus()).isPositive();
        assertThat(server.ramMb()).isPositive();
        assertThat(compute().server("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void listsEveryServerOfAHostAcrossPages() {
        String host = cloud().hostWithServers(pageSize() + 1);

        List<Server> servers = compute().serversOnHost(host);

        assertThat(servers.size()).isGreaterThan(pageSize());
        assertThat(servers.stream().map(Server::id).collect(Collectors.toSet()))
                .hasSize(servers.size())
                .isEqualTo(cloud().serverIdsOn(host));
        assertThat(servers).allMatch(s -> host.equals(s.host()));
    }

    @Test
    void reportsHypervisorCapacity() {
        String host = cloud().hostWithServers(1);

        HypervisorCapacity capacity = compute().hypervisors().stream().filter(h -> h.host().equals(host))
                .findFirst().orElseThrow();

        assertThat(capacity.vcpus()).isPositive();
        assertThat(capacity.memoryMb()).isPositive();
        assertThat(capacity.vcpusUsed()).isPositive();
        assertThat(capacity.freeMemoryMb()).isLessThan(capacity.memoryMb());
        assertThat(capacity.up()).isTrue();
    }

    @Test
    void evacuationIsRefusedWhileTheSourceServiceIsUp() {
        String host = cloud().hostWithServers(1);
        String id = cloud().serverIdsOn(host).iterator().next();

        assertThatThrownBy(() -> compute().evacuate(id, null))
                .isInstanceOf(ComputeServiceInUse.class)
                .hasMessage("Compute service of " + host + " is still in use.")
                .satisfies(e -> assertThat(((ComputeException) e).retryable()).isFalse());
    }

    @Test
    void forcingDownADeadHostLetsItsServersBeEvacuatedWhereTheSchedulerChooses() {
        String host = killedHostWithServers(1);
        String id = activeServerOn(host);

        // Force down first: disabling a service Nova still believes up makes nova-api call the dead
        // compute over RPC and block until its RPC timeout (seen on the real test bed: 60 s).
        ComputeServiceInfo fenced = compute().forceDown(host, true);
        assertThat(fenced.forcedDown()).isTrue();
        assertThat(fenced.up()).isFalse();
        compute().disableService(host, "instance-ha contract test");
        assertThat(compute().computeService(host).orElseThrow().enabled()).isFalse();
        assertThat(compute().computeService(host).orElseThrow().disabledReason())
                .isEqualTo("instance-ha contract test");

        compute().evacuate(id, null);

        Server moved = awaitMovedAway(id, host);
        assertThat(moved.vmState()).isEqualTo("active");
        assertThat(moved.status()).isEqualTo("ACTIVE");
        assertThat(compute().evacuationsOf(id)).isNotEmpty()
                .first().satisfies(m -> {
                    assertThat(m.sourceCompute()).isEqualTo(host);
                    assertThat(m.destCompute()).isEqualTo(moved.host());
                });
    }

    @Test
    void aServerBeingEvacuatedIsAmongThoseChangedSinceItsEvacuationWasSent() {
        String host = killedHostWithServers(1);
        String id = activeServerOn(host);
        compute().forceDown(host, true);
        java.time.Instant sent = java.time.Instant.now();

        compute().evacuate(id, null);

        // A minute of margin, as EvacuationWatch keeps, for a cloud whose clock is behind this one.
        assertThat(compute().serversChangedSince(sent.minusSeconds(60))).extracting(Server::id).contains(id);
        assertThat(compute().serversChangedSince(sent.plus(Duration.ofHours(1)))).extracting(Server::id)
                .doesNotContain(id);
        awaitMovedAway(id, host);
    }

    @Test
    void aServerCanBeEvacuatedToANamedHost() {
        String host = killedHostWithServers(1);
        String id = activeServerOn(host);
        String target = compute().hypervisors().stream()
                .filter(h -> !h.host().equals(host) && h.up() && h.enabled() && h.freeVcpus() > 0)
                .map(HypervisorCapacity::host).findFirst().orElseThrow();
        compute().forceDown(host, true);

        compute().evacuate(id, target);

        assertThat(awaitMovedAway(id, host).host()).isEqualTo(target);
    }

    @Test
    void serversCanBeStoppedStartedLockedAndResetByAnAdministrator() {
        String host = cloud().hostWithServers(1);
        String id = activeServerOn(host);

        compute().lock(id);
        assertThat(compute().server(id).orElseThrow().locked()).isTrue();
        compute().unlock(id);
        assertThat(compute().server(id).orElseThrow().locked()).isFalse();

        compute().stop(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> "stopped".equals(compute().server(id).orElseThrow()
                .vmState()));
        compute().start(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> "active".equals(compute().server(id).orElseThrow()
                .vmState()));

        compute().resetState(id, "error");
        assertThat(compute().server(id).orElseThrow().vmState()).isEqualTo("error");
        compute().resetState(id, "active");
        assertThat(compute().server(id).orElseThrow().vmState()).isEqualTo("active");
    }

    @Test
    void aReadThatNovaAnswersWithA5xxIsTriedAgainWithinTheCall() {
        assumeThat(cloud().canInjectFaults()).as("only the simulator injects faults").isTrue();
        String host = cloud().hostWithServers(1);
        cloud().failNextRequests(NovaRequests.READ_RETRIES, 503);

        assertThat(compute().computeService(host)).isPresent();
    }

    @Test
    void aNovaServerErrorIsRetryableAndTheNextCallWorks() {
        assumeThat(cloud().canInjectFaults()).as("only the simulator injects faults").isTrue();
        String host = cloud().hostWithServers(1);
        cloud().failNextRequests(NovaRequests.READ_RETRIES + 1, 503); // more than a read is retried within the call

        assertThatThrownBy(() -> compute().computeService(host))
                .isInstanceOf(ComputeUnavailable.class)
                .hasMessageContaining("503")
                .satisfies(e -> assertThat(((ComputeException) e).retryable()).isTrue());
        assertThat(compute().computeService(host)).isPresent();
    }

    @Test
    void aNovaTimeoutIsRetryableAndTheNextCallWorks() {
        assumeThat(cloud().canInjectFaults()).as("only the simulator injects faults").isTrue();
        String host = cloud().hostWithServers(1);
        cloud().hangNextRequest();

        assertThatThrownBy(() -> compute().hypervisors())
                .isInstanceOf(ComputeUnavailable.class)
                .satisfies(e -> assertThat(((ComputeException) e).retryable()).isTrue());
        assertThat(compute().computeService(host)).isPresent();
    }

    @Test
    void theSharedTokenIsRenewedBeforeItExpires() {
        assumeThat(cloud().canInjectFaults()).as("only the simulator issues short-lived tokens").isTrue();
        String host = cloud().hostWithServers(1);
        cloud().issueTokensLiving(2);
        int issuedBefore = cloud().tokensIssued();
        int rejectedBefore = cloud().requestsWithInvalidToken();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(compute().computeService(host)).isPresent();
            return cloud().tokensIssued() >= issuedBefore + 3;
        });

        assertThat(cloud().requestsWithInvalidToken()).isEqualTo(rejectedBefore);
    }

    private String activeServerOn(String host) {
        return compute().serversOnHost(host).stream()
                .filter(s -> "active".equals(s.vmState()) && s.idle())
                .map(Server::id).findFirst()
                .orElseThrow(() -> new AssertionError("no active server on " + host));
    }

    private Server awaitMovedAway(String id, String source) {
        await().atMost(cloud().evacuationPatience()).pollInterval(Duration.ofMillis(250)).until(() -> {
            Server s = compute().server(id).orElseThrow();
            return s.idle() && !source.equals(s.host());
        });
        return compute().server(id).orElseThrow();
    }
}
