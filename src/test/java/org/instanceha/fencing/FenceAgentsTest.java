package org.instanceha.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.instanceha.simulator.SimulatedBmcs;
import org.instanceha.simulator.SimulatedCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ClusterLabs' {@code fence_redfish} (Debian's fence-agents, installed by {@code .ci/setup}) against the
 * simulator's Redfish BMCs: the simulator speaks the protocol real tools speak, not one that only our adapter
 * understands. Its arguments go on standard input, as a fence agent reads them (the password never on a
 * command line), the way a fence-agent adapter would call it.
 */
class FenceAgentsTest {

    private SimulatedCloud cloud;
    private SimulatedBmcs bmcs;

    @BeforeEach
    void start() throws IOException {
        cloud = FencingContractTest.simulatedCloud();
        bmcs = FencingContractTest.simulatedBmcs(cloud);
    }

    @AfterEach
    void stop() {
        bmcs.close();
    }

    @Test
    void fenceRedfishReadsSwitchesOffAndOnTheSimulatedHost() throws Exception {
        assertThat(fenceRedfish("status", FencingContractTest.PASSWORD)).contains("Status: ON");
        fenceRedfish("off", FencingContractTest.PASSWORD);
        assertThat(cloud.findHost("compute3").orElseThrow().poweredOn()).isFalse();
        assertThat(fenceRedfish("status", FencingContractTest.PASSWORD)).contains("Status: OFF");
        fenceRedfish("on", FencingContractTest.PASSWORD);
        assertThat(cloud.findHost("compute3").orElseThrow().poweredOn()).isTrue();
    }

    @Test
    void fenceRedfishWithAWrongPasswordSwitchesNothing() throws Exception {
        fenceRedfish("off", "Wrong-Pa55");
        assertThat(cloud.findHost("compute3").orElseThrow().poweredOn()).isTrue();
    }

    private String fenceRedfish(String action, String password) throws IOException, InterruptedException {
        Process agent = new ProcessBuilder("fence_redfish").redirectErrorStream(true).start();
        try (OutputStream in = agent.getOutputStream()) {
            in.write(("""
                    action=%s
                    ip=127.0.0.1
                    ipport=%d
                    username=admin
                    password=%s
                    ssl_insecure=1
                    systems_uri=%s
                    power_wait=1
                    """.formatted(action, bmcs.port(), password, SimulatedBmcs.systemsUri("compute3")))
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(agent.waitFor(60, TimeUnit.SECONDS)).as("fence_redfish ended").isTrue();
        return new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
