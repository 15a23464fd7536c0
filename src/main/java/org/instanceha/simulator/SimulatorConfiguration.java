package org.instanceha.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.instanceha.dashboard.HostFailureSimulation;
import org.instanceha.nova.DefaultCloud;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/** The simulated cloud, built from its seed, when {@code instanceha.simulator.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "instanceha.simulator.enabled", havingValue = "true")
public class SimulatorConfiguration {

    @Bean
    CloudSeed cloudSeed(SimulatorProperties properties, ResourceLoader resources) throws IOException {
        try (InputStream in = resources.getResource(properties.seed()).getInputStream()) {
            return YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, CloudSeed.class);
        }
    }

    @Bean
    SimulatedCloud simulatedCloud(CloudSeed seed, SimulatorProperties properties, Clock clock) {
        return new SimulatedCloud(seed, properties, clock);
    }

    @Bean
    SimulatedIdentity simulatedIdentity(CloudSeed seed, SimulatorProperties properties, Clock clock) {
        return new SimulatedIdentity(seed, properties.tokenTtl(), clock);
    }

    /** A Redfish BMC for every simulated host, on a port of its own. */
    @Bean(destroyMethod = "close")
    SimulatedBmcs simulatedBmcs(SimulatedCloud cloud, SimulatorProperties properties,
                                com.fasterxml.jackson.databind.ObjectMapper mapper) throws IOException {
        return new SimulatedBmcs(cloud, properties, mapper);
    }

    /** A management address (a TCP port standing for its sshd) for every simulated host. */
    @Bean(destroyMethod = "close")
    SimulatedManagementPorts simulatedManagementPorts(SimulatedCloud cloud, SimulatorProperties properties) {
        return new SimulatedManagementPorts(cloud, properties.managementBasePort());
    }

    /** The dashboard's failure buttons act on this cloud. */
    @Bean
    HostFailureSimulation hostFailureSimulation(SimulatedCloud cloud, SimulatedManagementPorts management) {
        return new HostFailureSimulation() {
            @Override
            public void stopHost(String hostname) {
                cloud.failHost(hostname);
            }

            @Override
            public void cutPower(String hostname) {
                cloud.setPower(hostname, false);
            }

            @Override
            public void powerOn(String hostname) {
                cloud.setPower(hostname, true);
            }

            @Override
            public void stopNovaCompute(String hostname) {
                cloud.stopNovaCompute(hostname);
            }

            @Override
            public String managementAddress(String hostname) {
                return management.address(hostname);
            }
        };
    }

    /** Without an explicit auth URL, instance-ha talks to the simulator's Keystone on its own port. */
    @Bean
    DefaultCloud simulatorKeystone(Environment environment) {
        return () -> "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + SimulatedKeystoneController.ROOT + "/v3";
    }
}
