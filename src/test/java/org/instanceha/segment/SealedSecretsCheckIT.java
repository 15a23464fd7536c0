package org.instanceha.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.instanceha.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/** A node that cannot open the BMC passwords its database keeps does not start under the prod profile. */
class SealedSecretsCheckIT extends ApiIntegrationTest {

    @Autowired
    SegmentService segments;
    @Autowired
    HostRepository hosts;
    @Autowired
    SecretBox secrets;

    private void aHostWithABmcPassword() {
        novaHasComputeHosts("compute2");
        Segment segment = segments.createSegment(SegmentFields.segment("seg-bmc", null, "auto", "COMPUTE", true));
        segments.createHost(segment.uuid(), SegmentFields.host("compute2", "COMPUTE", """
                {"host": "10.0.0.22", "username": "admin", "password": "Bmc-Pa55"}""", false, "0"));
    }

    private static MockEnvironment profiles(String... active) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(active);
        return environment;
    }

    @Test
    void withoutTheKeyAProdNodeRefusesToStartAndAnotherSaysSo() {
        aHostWithABmcPassword();
        SecretBox noKey = new SecretBox(new SecretsProperties(null, null));

        assertThat(hosts.withSealedSecrets()).isEqualTo(1);
        assertThatThrownBy(() -> new SealedSecretsCheck(noKey, hosts, profiles("prod", "postgres")).run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 host(s) keep a BMC password");
        assertThatCode(() -> new SealedSecretsCheck(noKey, hosts, profiles("demo")).run(null))
                .doesNotThrowAnyException();
        assertThatCode(() -> new SealedSecretsCheck(secrets, hosts, profiles("prod")).run(null)).doesNotThrowAnyException();
    }
}
