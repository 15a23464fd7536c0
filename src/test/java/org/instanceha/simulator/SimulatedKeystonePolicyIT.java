package org.instanceha.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.instanceha.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** The simulated Keystone applies Keystone's policy for reading a token: admins, or the token's own user. */
class SimulatedKeystonePolicyIT extends ApiIntegrationTest {

    private int validate(String caller, String subject) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/simulator/identity/v3/auth/tokens")).header("X-Auth-Token", caller)
                .header("X-Subject-Token", subject).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aMemberReadsOnlyItsOwnTokenAndAnAdminAnyToken() throws Exception {
        String admin = api.issueToken("admin");
        String member = api.issueToken("demo");

        assertThat(validate(member, admin)).as("a member reading an admin's token").isEqualTo(403);
        assertThat(validate(member, member)).isEqualTo(200);
        assertThat(validate(admin, member)).isEqualTo(200);
        assertThat(validate(member, "no-such-token")).isEqualTo(404);
        assertThat(validate("no-such-token", member)).isEqualTo(401);
    }
}
