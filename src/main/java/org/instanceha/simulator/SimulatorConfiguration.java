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
    SimulatedBmcs simulatedBmcs(SimulatedCloud cloud, SimulatorProperties properties) throws IOException {
        return new SimulatedBmcs(cloud, properties);
    }

    /** The dashboard's "Simulate host failure" button stops a host of this cloud. */
    @Bean
    HostFailureSimulation hostFailureSimulation(SimulatedCloud cloud) {
        return cloud::failHost;
    }

    /** Without an explicit auth URL, instance-ha talks to the simulator's Keystone on its own port. */
    @Bean
    DefaultCloud simulatorKeystone(Environment environment) {
        return () -> "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + SimulatedKeystoneController.ROOT + "/v3";
    }
}
