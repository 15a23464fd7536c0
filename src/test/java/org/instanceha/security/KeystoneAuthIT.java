package org.instanceha.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.instanceha.HttpApi.Response;
import org.instanceha.HttpApi;
import org.instanceha.KeystoneModeContext;
import org.instanceha.simulator.SimulatedIdentity;
import org.instanceha.simulator.SimulatorProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code keystone} mode against the simulator's Keystone: tokens in, roles checked, Basic refused. */
@KeystoneModeContext
class KeystoneAuthIT {

    @LocalServerPort
    int port;
    @Autowired
    SimulatedIdentity identity;
    @Autowired
    SimulatorProperties simulator;

    private HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @AfterEach
    void restoreTokenLifetime() {
        identity.reset(simulator.tokenTtl());
    }

    private Response withToken(String method, String path, String token) {
        return api.method(method, path, method.equals("POST") ? """
                {"segment": {"name": "k-%d", "recovery_method": "auto", "service_type": "COMPUTE"}}"""
                .formatted(System.nanoTime()) : null).anonymous().header("X-Auth-Token", token).send();
    }

    @Test
    void anAdminTokenMayUseTheApi() {
        String token = api.issueToken("admin");

        assertThat(withToken("GET", "/v1/segments", token).status()).isEqualTo(200);
        Response created = withToken("POST", "/v1/segments", token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(withToken("DELETE", "/v1/segments/" + created.json().at("/segment/uuid").asText(), token)
                .status()).isEqualTo(204);
    }

    @Test
    void aProjectMembersTokenReadsSegmentsButWritesNothingAndATokenWithoutARoleOfOursIsForbidden() {
        String member = api.issueToken("demo");
        assertThat(withToken("GET", "/v1/segments", member).status()).isEqualTo(200);
        Response write = withToken("POST", "/v1/segments", member);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().at("/forbidden/message").asText())
                .isEqualTo("Policy doesn't allow os_masakari_api:segments:create to be performed.");

        Response guest = withToken("GET", "/v1/segments", api.issueToken("guest"));
        assertThat(guest.status()).isEqualTo(403);
        assertThat(guest.json().at("/forbidden/code").asInt()).isEqualTo(403);
    }

    @Test
    void aSystemScopedReaderTokenReadsHostsButNotTheirBmcs() {
        String reader = api.issueToken("auditor");
        assertThat(withToken("GET", "/v1/segments", reader).status()).isEqualTo(200);
        assertThat(withToken("POST", "/v1/segments", reader).status()).isEqualTo(403);
    }

    @Test
    void missingUnknownAndBasicCredentialsAreUnauthorized() {
        Response anonymous = api.get("/v1/segments").anonymous().send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().at("/unauthorized/code").asInt()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate"))
                .isEqualTo("Keystone uri=\"http://localhost:" + port + "/simulator/identity/v3\"");

        assertThat(withToken("GET", "/v1/segments", "gAAAAAnot-a-real-token").status()).isEqualTo(401);
        assertThat(api.get("/v1/segments").header("Authorization", "Basic YWRtaW46dGVzdC1hZG1pbi1wYXNzd29yZA==")
                .send().status()).isEqualTo(401);
        assertThat(api.get("/").anonymous().send().status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefusedOnceItsCacheTimeHasPassed() {
        identity.setTokenTtl(Duration.ofSeconds(2));
        String token = api.issueToken("admin");
        assertThat(withToken("GET", "/v1/segments", token).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> withToken("GET", "/v1/segments", token).status() == 401);
    }

    @Test
    void newTokensWorkAfterKeystoneRevokedEveryTokenIncludingOurOwn() {
        assertThat(withToken("GET", "/v1/segments", api.issueToken("admin")).status()).isEqualTo(200);

        identity.revokeAll();

        assertThat(withToken("GET", "/v1/segments", api.issueToken("admin")).status()).isEqualTo(200);
    }
}
