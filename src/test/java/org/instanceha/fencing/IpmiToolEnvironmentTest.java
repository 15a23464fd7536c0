package org.instanceha.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ipmitool child gets the BMC's password and what it needs to run, never the node's own environment (its
 * secrets key, its database password): a stand-in for ipmitool writes down the environment it was given.
 */
class IpmiToolEnvironmentTest {

    @Test
    void ipmitoolSeesThePasswordThePathAndTheLocaleOnly(@TempDir Path dir) throws Exception {
        assertThat(System.getenv()).as("the test's own environment, which the child must not get").isNotEmpty()
                .containsKey("HOME");
        Path seen = dir.resolve("environment");
        Path standIn = dir.resolve("ipmitool");
        Files.writeString(standIn, "#!/bin/sh\n"
                + "/usr/bin/env > " + seen + "\necho 'Chassis Power is on'\n");
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwx------"));
        IpmiTool ipmi = new IpmiTool(FencingProperties.calls(Duration.ofSeconds(10), standIn.toString()));

        PowerState state = ipmi.powerState(new Bmc(Bmc.Protocol.IPMI, "127.0.0.1", 623, "admin", "the-bmc-password",
                3, null, null, true, null));

        assertThat(state).isEqualTo(PowerState.ON);
        Map<String, String> environment = new TreeMap<>();
        for (String line : Files.readAllLines(seen)) {
            int eq = line.indexOf('=');
            environment.put(line.substring(0, eq), line.substring(eq + 1));
        }
        environment.keySet().removeAll(java.util.Set.of("PWD", "SHLVL", "_"));
        assertThat(environment).containsOnlyKeys("PATH", "LC_ALL", "IPMITOOL_PASSWORD")
                .containsEntry("IPMITOOL_PASSWORD", "the-bmc-password").containsEntry("LC_ALL", "C");
    }
}
