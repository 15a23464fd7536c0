package org.instanceha;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The instance-ha engine: Masakari-compatible API, Camunda workflows, operator dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InstanceHaApplication {

    public static void main(String[] args) {
        SpringApplication.run(InstanceHaApplication.class, args);
    }
}
