package org.instanceha.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A sealed BMC password opens only for its host and the BMC address it was given for. */
class BmcCredentialsTest {

    private final BmcCredentials credentials = new BmcCredentials(
            SecretBox.withIterations(new SecretsProperties("operator-key-1-4f1a9c2e", null), 2_000));

    private static Host host(String name, String attributes) {
        return new Host(1, "uuid-" + name, name, null, "COMPUTE", attributes, false, false, 0, null, null, null, false);
    }

    private static String bmc(String address) {
        return """
                {"protocol": "ipmi", "host": "%s", "username": "admin", "password": "Bmc-Pa55"}""".formatted(address);
    }

    @Test
    void aStoredPasswordOpensForItsHostAndAddressOnly() {
        String stored = credentials.sealedFor("compute1", bmc("10.0.0.21"), null);
        assertThat(stored).doesNotContain("Bmc-Pa55").contains(SecretBox.V2);

        assertThat(credentials.of(host("compute1", stored)).orElseThrow().password()).isEqualTo("Bmc-Pa55");
        assertThatThrownBy(() -> credentials.of(host("compute2", stored)))
                .as("copied to another host").isInstanceOf(SecretBox.CannotOpen.class);
        assertThatThrownBy(() -> credentials.of(host("compute1", stored.replace("10.0.0.21", "10.0.0.99"))))
                .as("its address changed in the database").isInstanceOf(SecretBox.CannotOpen.class);
        assertThat(credentials.of(host("compute1", stored.replace("\"admin\"", "\"operator\""))).orElseThrow()
                .password()).as("another user name, the same BMC").isEqualTo("Bmc-Pa55");
    }

    @Test
    void aKeptPasswordIsSealedAgainForTheHostsNewName() {
        Host was = host("compute1", credentials.sealedFor("compute1", bmc("10.0.0.21"), null));

        String renamed = credentials.sealedFor("compute1-new", was.controlAttributes(), was);

        assertThat(credentials.of(host("compute1-new", renamed)).orElseThrow().password()).isEqualTo("Bmc-Pa55");
        assertThat(credentials.sealedAgain(was)).as("sealed with the sealing key already").isEmpty();
    }
}
