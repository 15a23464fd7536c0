package org.instanceha.nova;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.instanceha.InstanceHaApplication;
import org.instanceha.simulator.SimulatedCloud;
import org.instanceha.simulator.SimulatedIdentity;
import org.instanceha.simulator.SimulatedServer;
import org.instanceha.simulator.SimulatorProperties;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The Compute contract against the simulator, over real HTTP through openstack4j. */
@SpringBootTest(classes = InstanceHaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulatorComputeIT extends ComputeContract {

    @Autowired
    Compute compute;
    @Autowired
    OpenStackProperties openStack;
    @Autowired
    SimulatedCloud simulated;
    @Autowired
    SimulatedIdentity identity;
    @Autowired
    SimulatorProperties simulator;
    @Autowired
    KeystoneSession session;

    @BeforeEach
    void freshCloud() {
        simulated.reset();
        identity.reset(simulator.tokenTtl());
        session.invalidate();
    }

    /** Like a real nova-compute, a running host's updated_at moves every report interval; a dead one's stops. */
    @org.junit.jupiter.api.Test
    void aRunningHostHeartbeatsAndADeadOneStops() throws InterruptedException {
        String before = compute.computeService("compute1").orElseThrow().updatedAt();
        simulated.failHost("compute2");
        String dead = compute.computeService("compute2").orElseThrow().updatedAt();
        Thread.sleep(simulator.reportInterval().multipliedBy(3).toMillis());

        org.assertj.core.api.Assertions.assertThat(compute.computeService("compute1").orElseThrow().updatedAt())
                .isGreaterThan(before);
        org.assertj.core.api.Assertions.assertThat(compute.computeService("compute2").orElseThrow().updatedAt())
                .isEqualTo(dead);
    }

    @Override
    Compute compute() {
        return compute;
    }

    @Override
    int pageSize() {
        return openStack.pageSize();
    }

    @Override
    CloudUnderTest cloud() {
        return new CloudUnderTest() {
            @Override
            public String hostWithServers(int count) {
                String host = "compute1";
                int have = serverIdsOn(host).size();
                for (int i = have; i < count; i++) {
                    simulated.addServer("extra-" + i, host, "1", "demo", Map.of());
                }
                return host;
            }

            @Override
            public Set<String> serverIdsOn(String host) {
                return simulated.servers(null, host, null, null, null).stream().map(SimulatedServer::id)
                        .collect(Collectors.toSet());
            }

            @Override
            public void killHost(String host) {
                simulated.failHost(host);
            }

            @Override
            public void restoreHost(String host) {
                simulated.reset();
            }

            @Override
            public boolean canInjectFaults() {
                return true;
            }

            @Override
            public void failNextRequests(int count, int status) {
                simulated.failNextRequests(count, status);
            }

            @Override
            public void hangNextRequest() {
                simulated.delayNextRequests(1);
            }

            @Override
            public void issueTokensLiving(int seconds) {
                identity.setTokenTtl(Duration.ofSeconds(seconds));
                session.invalidate();
            }

            @Override
            public int tokensIssued() {
                return identity.tokensIssued();
            }

            @Override
            public int requestsWithInvalidToken() {
                return identity.rejected();
            }

            @Override
            public Duration evacuationPatience() {
                return Duration.ofSeconds(20);
            }
        };
    }
}
