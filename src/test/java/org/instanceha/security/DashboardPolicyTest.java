package org.instanceha.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.instanceha.common.PolicyNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The dashboard's pages ask the API's policy, so that a policy file opens or closes them as it does the API. */
class DashboardPolicyTest {

    private static AuthProperties auth(String policyFile) {
        return new AuthProperties(AuthMode.LOCAL, "admin", "pw", "camunda-admin", "instanceha-readers",
                List.of("admin"), Duration.ofMinutes(2), policyFile);
    }

    private static boolean allows(ApiPolicy policy, String rule, Authentication caller) {
        return policy.dashboard(rule).authorize(() -> caller, null).isGranted();
    }

    private static Authentication member(String... groups) {
        return new UsernamePasswordAuthenticationToken("someone", null, java.util.Arrays.stream(groups)
                .map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
    }

    @Test
    void byDefaultReadersSeeThePagesAndOnlyAdministratorsChangeThings() {
        AuthProperties auth = auth(null);
        ApiPolicy policy = new ApiPolicy(auth, new CallerCredentials(auth));

        assertThat(allows(policy, PolicyNames.DASHBOARD_READ, member("instanceha-readers"))).isTrue();
        assertThat(allows(policy, PolicyNames.DASHBOARD_WRITE, member("instanceha-readers"))).isFalse();
        assertThat(allows(policy, PolicyNames.DASHBOARD_WRITE, member("camunda-admin"))).isTrue();
        assertThat(allows(policy, PolicyNames.DASHBOARD_READ, member("project-p1"))).isFalse();
        assertThat(allows(policy, PolicyNames.DASHBOARD_READ, new AnonymousAuthenticationToken("k", "anonymous",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))))).isFalse();
    }

    @Test
    void aPolicyFileDecidesWhoChangesThingsOnTheDashboard(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("policy.yaml"), """
                "os_masakari_api:segments:update": "rule:admin_api or role:reader"
                "os_masakari_api:segments:index": "rule:admin_api"
                """);
        AuthProperties auth = auth(file.toString());
        ApiPolicy policy = new ApiPolicy(auth, new CallerCredentials(auth));

        assertThat(allows(policy, PolicyNames.DASHBOARD_WRITE, member("instanceha-readers"))).isTrue();
        assertThat(allows(policy, PolicyNames.DASHBOARD_READ, member("instanceha-readers"))).isFalse();
        assertThat(allows(policy, PolicyNames.DASHBOARD_READ, member("camunda-admin"))).isTrue();
    }

    @Test
    void aProjectUsersSessionOpensNoOperatorPageWhateverItsRoles() {
        AuthProperties auth = auth(null);
        ApiPolicy policy = new ApiPolicy(auth, new CallerCredentials(auth));
        Authentication projectSession = new UsernamePasswordAuthenticationToken("demo", null,
                List.of(new SimpleGrantedAuthority(ProjectLoginController.PROJECT_USER),
                        new SimpleGrantedAuthority("GROUP_camunda-admin")));

        assertThat(allows(policy, PolicyNames.DASHBOARD_READ, projectSession)).isFalse();
        assertThat(allows(policy, PolicyNames.DASHBOARD_WRITE, projectSession)).isFalse();
    }
}
