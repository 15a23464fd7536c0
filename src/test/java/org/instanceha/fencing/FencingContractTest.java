package org.instanceha.fencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.instanceha.simulator.CloudSeed;
import org.instanceha.simulator.SimulatedBmcs;
import org.instanceha.simulator.SimulatedCloud;
import org.instanceha.simulator.SimulatorProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * What {@link Fencing} promises, held by both adapters against real BMCs: OpenIPMI's {@code ipmi_sim} for IPMI,
 * the simulator's Redfish BMCs for Redfish (so that the simulator cannot speak a Redfish our adapter alone
 * understands, {@link FenceAgentsTest} runs ClusterLabs' {@code fence_redfish} against them too). Every call
 * is bounded: a BMC that does not answer fails within the call timeout.
 */
class FencingContractTest {

    static final String PASSWORD = "Contract-Bmc-Pa55";
    static final FencingProperties PROPERTIES = FencingProperties.calls(Duration.ofSeconds(3), "ipmitool");

    /** The contract, for one protocol: a BMC, and the host's power as its switch holds it. */
    abstract static class Contract {
        final Fencing fencing = new BmcFencing(java.util.List.of(new IpmiTool(PROPERTIES), new Redfish(PROPERTIES, new com.fasterxml.jackson.databind.ObjectMapper())));

        abstract Bmc bmc(String password);

        abstract boolean poweredOn() throws IOException;

        abstract Bmc silentBmc(int port);

        @Test
        void readsThePowerStateAndSwitchesItOffAndOn() throws IOException {
            assertThat(fencing.powerState(bmc(PASSWORD))).isEqualTo(PowerState.ON);
            fencing.powerOff(bmc(PASSWORD));
            assertThat(poweredOn()).as("the host's power switch").isFalse();
            assertThat(fencing.powerState(bmc(PASSWORD))).isEqualTo(PowerState.OFF);
            fencing.powerOn(bmc(PASSWORD));
            assertThat(poweredOn()).isTrue();
            assertThat(fencing.powerState(bmc(PASSWORD))).isEqualTo(PowerState.ON);
        }

        @Test
        void wrongCredentialsSaySoAndNeverShowThePassword() throws IOException {
            assertThatThrownBy(() -> fencing.powerOff(bmc("Wrong-Pa55")))
                    .isInstanceOfSatisfying(FencingException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FencingException.Failure.WRONG_CREDENTIALS);
                        assertThat(e.getMessage()).contains("wrong credentials").doesNotContain("Wrong-Pa55");
                    });
            assertThat(poweredOn()).as("nothing was switched").isTrue();
        }

        @Test
        void aBmcThatDoesNotAnswerFailsWithinTheCallTimeout() throws IOException {
            try (ServerSocket closed = new ServerSocket(0)) {
                int port = closed.getLocalPort();
                closed.close();
                long start = System.nanoTime();
                assertThatThrownBy(() -> fencing.powerState(silentBmc(port)))
                        .isInstanceOfSatisfying(FencingException.class, e ->
                                assertThat(e.failure()).isEqualTo(FencingException.Failure.NO_ANSWER));
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .isLessThan(PROPERTIES.callTimeout().plusSeconds(1));
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Ipmi extends Contract {
        IpmiSim sim;

        @BeforeAll
        void start() throws Exception {
            sim = new IpmiSim(PASSWORD);
        }

        @AfterAll
        void stop() {
            sim.close();
        }

        @Override
        Bmc bmc(String password) {
            return sim.bmc(password);
        }

        @Override
        boolean poweredOn() throws IOException {
            return sim.poweredOn();
        }

        @Override
        Bmc silentBmc(int port) {
            return new Bmc(Bmc.Protocol.IPMI, "127.0.0.1", port, "admin", PASSWORD, 3, null, null, true, null);
        }

        @Test
        void thePasswordIsNeverOnTheCommandLine() {
            assertThat(String.join(" ", new IpmiTool(PROPERTIES).command(bmc(PASSWORD), "status")))
                    .doesNotContain(PASSWORD).contains("-E");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RedfishOfTheSimulator extends Contract {
        SimulatedCloud cloud;
        SimulatedBmcs bmcs;

        @BeforeAll
        void start() throws IOException {
            cloud = simulatedCloud();
            bmcs = simulatedBmcs(cloud);
        }

        @AfterAll
        void stop() {
            bmcs.close();
        }

        @Override
        Bmc bmc(String password) {
            return new Bmc(Bmc.Protocol.REDFISH, "127.0.0.1", bmcs.port(), "admin", password, null,
                    SimulatedBmcs.systemsUri("compute2"), bmcs.certificate().toString(), true, null);
        }

        @Override
        boolean poweredOn() {
            return cloud.findHost("compute2").orElseThrow().poweredOn();
        }

        @Override
        Bmc silentBmc(int port) {
            return new Bmc(Bmc.Protocol.REDFISH, "127.0.0.1", port, "admin", PASSWORD, null, null, null, false, null);
        }

        @Test
        void withoutASystemsUriTheFirstSystemOfTheServiceRoot() {
            Bmc any = new Bmc(Bmc.Protocol.REDFISH, "127.0.0.1", bmcs.port(), "admin", PASSWORD, null, null, null,
                    false, null);
            fencing.powerOff(any);
            assertThat(cloud.findHost("compute1").orElseThrow().poweredOn()).isFalse();
            assertThat(fencing.powerState(any)).isEqualTo(PowerState.OFF);
            fencing.powerOn(any);
        }

        @Test
        void aCertificateThatDoesNotChainToTheCaIsRefused() throws IOException {
            Path other = Files.createTempFile("other-ca", ".pem");
            try (InputStream in = getClass().getResourceAsStream("/fencing/other-ca.pem")) {
                Files.write(other, in.readAllBytes());
            }
            Bmc untrusted = new Bmc(Bmc.Protocol.REDFISH, "127.0.0.1", bmcs.port(), "admin", PASSWORD, null,
                    SimulatedBmcs.systemsUri("compute2"), other.toString(), true, null);
            assertThatThrownBy(() -> fencing.powerState(untrusted))
                    .isInstanceOfSatisfying(FencingException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FencingException.Failure.REFUSED);
                        assertThat(e.getMessage()).contains("TLS");
                    });
        }
    }

    static SimulatedCloud simulatedCloud() throws IOException {
        SimulatorProperties properties = simulatorProperties();
        try (InputStream in = FencingContractTest.class.getResourceAsStream("/simulator/default-cloud.yaml")) {
            CloudSeed seed = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, CloudSeed.class);
            return new SimulatedCloud(seed, properties, Clock.systemUTC());
        }
    }

    static SimulatedBmcs simulatedBmcs(SimulatedCloud cloud) throws IOException {
        return new SimulatedBmcs(cloud, simulatorProperties(), new com.fasterxml.jackson.databind.ObjectMapper());
    }

    private static SimulatorProperties simulatorProperties() {
        return new Binder(new MapConfigurationPropertySource(Map.of(
                "instanceha.simulator.bmc-password", PASSWORD,
                "instanceha.simulator.bmc-tls-dir", System.getProperty("java.io.tmpdir") + "/instanceha-test-bmc")))
                .bindOrCreate("instanceha.simulator", SimulatorProperties.class);
    }
}
