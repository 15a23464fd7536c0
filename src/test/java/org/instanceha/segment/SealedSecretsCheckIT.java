package org.instanceha.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.instanceha.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/**
 * At start, the BMC passwords the database keeps must open with the node's keys: a prod node without them does not
 * start; values sealed with an older key are sealed again with the new one (a key rotation).
 */
class SealedSecretsCheckIT extends ApiIntegrationTest {

    private static final String TEST_KEY = "test-secrets-key-9f2c41d07b3e";
    private static final String NEW_KEY = "rotated-secrets-key-0c3e5a77d1";

    @Autowired
    SegmentService segments;
    @Autowired
    HostRepository hosts;
    @Autowired
    BmcCredentials credentials;
    @Autowired
    SecretBox secrets;

    private Host aHostWithABmcPassword() {
        novaHasComputeHosts("compute2");
        Segment segment = segments.createSegment(SegmentFields.segment("seg-bmc", null, "auto", "COMPUTE", true));
        return segments.createHost(segment.uuid(), SegmentFields.host("compute2", "COMPUTE", """
                {"host": "10.0.0.22", "username": "admin", "password": "Bmc-Pa55"}""", false, "0"));
    }

    private static MockEnvironment profiles(String... active) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(active);
        return environment;
    }

    private SealedSecretsCheck check(SecretsProperties keys, String... profiles) {
        SecretBox box = new SecretBox(keys);
        return new SealedSecretsCheck(box, new BmcCredentials(box), hosts, profiles(profiles));
    }

    @Test
    void withoutTheKeyAProdNodeRefusesToStartAndAnotherSaysSo() {
        aHostWithABmcPassword();

        assertThat(hosts.withSealedSecrets()).hasSize(1);
        assertThatThrownBy(() -> check(new SecretsProperties(null, null), "prod", "postgres").run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 host(s) keep a BMC password");
        assertThatThrownBy(() -> check(new SecretsProperties(NEW_KEY, null), "prod").run(null))
                .as("another key, and not the one they were sealed with")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[compute2]")
                .hasMessageContaining("previous-keys");
        assertThatCode(() -> check(new SecretsProperties(null, null), "demo").run(null)).doesNotThrowAnyException();
        assertThatCode(() -> new SealedSecretsCheck(secrets, credentials, hosts, profiles("prod")).run(null))
                .doesNotThrowAnyException();
    }

    @Test
    void aRotatedKeySealsTheStoredPasswordsAgainAndTheOldKeyCanGo() {
        Host host = aHostWithABmcPassword();
        String before = host.controlAttributes();

        check(new SecretsProperties(NEW_KEY, null, List.of(TEST_KEY), List.of()), "prod").run(null);

        Host after = hosts.findByUuid(host.uuid()).orElseThrow();
        assertThat(after.controlAttributes()).isNotEqualTo(before).contains(SecretBox.V2 + SecretKeys.id(NEW_KEY));
        BmcCredentials newKeyOnly = new BmcCredentials(new SecretBox(new SecretsProperties(NEW_KEY, null)));
        assertThat(newKeyOnly.of(after).orElseThrow().password()).isEqualTo("Bmc-Pa55");
        assertThatCode(() -> check(new SecretsProperties(NEW_KEY, null), "prod").run(null))
                .as("the third step: the old key removed").doesNotThrowAnyException();
    }
}
