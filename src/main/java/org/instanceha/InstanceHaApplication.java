package org.instanceha;

import org.instanceha.common.XmlDatatypeFactoryLookup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The instance-ha engine: Masakari-compatible API, Camunda workflows, operator dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InstanceHaApplication {

    static {
        // Before any job is created; a static initializer, so that the tests' contexts have it too.
        XmlDatatypeFactoryLookup.pin();
    }

    public static void main(String[] args) {
        SpringApplication.run(InstanceHaApplication.class, args);
    }
}
