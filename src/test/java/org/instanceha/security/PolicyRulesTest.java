package org.instanceha.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyRulesTest {

    private static final PolicyRules.Credentials ADMIN = new PolicyRules.Credentials(Set.of("admin", "member",
            "reader"), "p-admin", false);
    private static final PolicyRules.Credentials AUDITOR = new PolicyRules.Credentials(Set.of("reader"), null, true);
    private static final PolicyRules.Credentials MEMBER_A = new PolicyRules.Credentials(Set.of("Member", "reader"),
            "p-a", false);
    private static final PolicyRules.Credentials PROJECT_READER_A = new PolicyRules.Credentials(Set.of("reader"),
            "p-a", false);

    private static PolicyRules defaults() {
        return PolicyRules.of(DefaultPolicy.rules(List.of("admin")), Map.of());
    }

    @Test
    void theDefaultsLetTheAdminDoAllAndTheSystemReaderReadAllButBmcDetails() {
        PolicyRules rules = defaults();
        for (String rule : DefaultPolicy.rules(List.of("admin")).keySet().stream()
                .filter(r -> r.startsWith("os_masakari_api:") || r.startsWith("instanceha:")).toList()) {
            assertThat(rules.passes(rule, ADMIN, null) || rules.passes(rule, ADMIN, ADMIN.projectId())).as(rule)
                    .isTrue();
        }
        assertThat(rules.passes("os_masakari_api:os-hosts:index", AUDITOR, null)).isTrue();
        assertThat(rules.passes("instanceha:segments:recovery_plan", AUDITOR, null)).isTrue();
        assertThat(rules.passes("instanceha:os-hosts:control_attributes", AUDITOR, null)).isFalse();
        assertThat(rules.passes("os_masakari_api:segments:create", AUDITOR, null)).isFalse();
        assertThat(rules.passes("os_masakari_api:notifications:create", AUDITOR, null)).isFalse();
    }

    @Test
    void aProjectsMemberOrReaderReadsOnlyTargetsOfItsOwnProject() {
        PolicyRules rules = defaults();
        for (var caller : List.of(MEMBER_A, PROJECT_READER_A)) {
            assertThat(rules.passes("os_masakari_api:notifications:index", caller, null)).isFalse();
            assertThat(rules.passes("os_masakari_api:notifications:index", caller, "p-a")).isTrue();
            assertThat(rules.passes("os_masakari_api:notifications:index", caller, "p-b")).isFalse();
            assertThat(rules.passes("os_masakari_api:vmoves:detail", caller, "p-a")).isTrue();
            assertThat(rules.passes("os_masakari_api:os-hosts:index", caller, "p-a")).isFalse();
            assertThat(rules.passes("instanceha:segments:recovery_plan", caller, "p-a")).isFalse();
            assertThat(rules.passes("os_masakari_api:notifications:create", caller, "p-a")).isFalse();
        }
        // A project-scoped reader token is not a system reader.
        assertThat(rules.passes("os_masakari_api:os-hosts:index", PROJECT_READER_A, null)).isFalse();
    }

    @Test
    void anOverrideReplacesItsRuleAndKeepsTheOthers() {
        PolicyRules rules = PolicyRules.of(DefaultPolicy.rules(List.of("admin")), Map.of(
                "os_masakari_api:notifications:create", "rule:admin_api or (role:member and not role:reader)",
                "context_is_admin", "role:admin or role:cloud_admin"));
        var monitor = new PolicyRules.Credentials(Set.of("member"), "p-m", false);
        assertThat(rules.passes("os_masakari_api:notifications:create", monitor, null)).isTrue();
        assertThat(rules.passes("os_masakari_api:notifications:create", MEMBER_A, null)).isFalse();
        var cloudAdmin = new PolicyRules.Credentials(Set.of("cloud_admin"), "x", false);
        assertThat(rules.passes("os_masakari_api:segments:delete", cloudAdmin, null)).isTrue();
        assertThat(rules.passes("os_masakari_api:segments:delete", MEMBER_A, "p-a")).isFalse();
    }

    @Test
    void alwaysNeverEmptyAndLiteralProjects() {
        PolicyRules rules = PolicyRules.of(Map.of(), Map.of("a", "@", "b", "!", "c", "", "d",
                "project_id:p-a and role:reader"));
        assertThat(rules.passes("a", PolicyRules.Credentials.NOBODY, null)).isTrue();
        assertThat(rules.passes("b", ADMIN, null)).isFalse();
        assertThat(rules.passes("c", PolicyRules.Credentials.NOBODY, null)).isTrue();
        assertThat(rules.passes("d", MEMBER_A, null)).isTrue();
        assertThat(rules.passes("d", ADMIN, null)).isFalse();
        // is_admin without a context_is_admin rule: nobody is an admin.
        assertThat(PolicyRules.of(Map.of(), Map.of("x", "is_admin:True")).passes("x", ADMIN, null)).isFalse();
    }

    @Test
    void rulesInstanceHaCannotReadAreRefusedWithTheirName() {
        assertRefused(Map.of("r", "role:admin or"), "Rule \"r\": it ends where a check is expected.");
        assertRefused(Map.of("r", "(role:admin"), "Rule \"r\": a \"(\" is not closed.");
        assertRefused(Map.of("r", "role:admin)"), "Rule \"r\": unexpected \")\".");
        assertRefused(Map.of("r", "http://example.com/check"), "is not one instance-ha reads");
        assertRefused(Map.of("r", "user_id:%(user_id)s"), "is not one instance-ha reads");
        assertRefused(Map.of("r", "admin"), "\"admin\" is not a check (kind:value).");
        assertRefused(Map.of("r", "is_admin:maybe"), "is_admin takes True or False");
        assertRefused(Map.of("r", "project_id:%(tenant)s"), "project_id compares only with");
        assertRefused(Map.of("r", "rule:missing"), "refers to rule \"missing\", which does not exist.");
        assertRefused(Map.of("r", "rule:s", "s", "rule:r"), "refers back to itself");
        assertRefused(Map.of("context_is_admin", "is_admin:True"), "refers back to itself");
        assertRefused(Map.of("r", "not rule:owner", "owner", "project_id:%(project_id)s"),
                "puts \"not\" around a check of the target's project");
    }

    private static void assertRefused(Map<String, String> rules, String message) {
        assertThatThrownBy(() -> PolicyRules.of(Map.of(), rules)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aPolicyFileOverridesRulesAndAFileThatCannotBeReadStopsTheStart(@TempDir Path dir) throws Exception {
        var defaults = DefaultPolicy.rules(List.of("admin"));
        Path yaml = Files.writeString(dir.resolve("policy.yaml"), """
                # an operator's Masakari overrides
                "os_masakari_api:os-hosts:index": "rule:admin_api"
                "os_masakari_api:extensions:index": "rule:admin_api"
                """);
        PolicyRules rules = ApiPolicy.read(yaml.toString(), defaults);
        assertThat(rules.passes("os_masakari_api:os-hosts:index", AUDITOR, null)).isFalse();
        assertThat(rules.passes("os_masakari_api:segments:index", AUDITOR, null)).isTrue();
        Path json = Files.writeString(dir.resolve("policy.json"), "{\"os_masakari_api:segments:index\": \"!\"}");
        assertThat(ApiPolicy.read(json.toString(), defaults).passes("os_masakari_api:segments:index", ADMIN, null))
                .isFalse();

        assertThatThrownBy(() -> ApiPolicy.read(dir.resolve("absent.yaml").toString(), defaults))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be read");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- role:admin\n");
        assertThatThrownBy(() -> ApiPolicy.read(list.toString(), defaults))
                .hasMessageContaining("is not a mapping of rule names to rules");
        Path number = Files.writeString(dir.resolve("number.yaml"), "\"os_masakari_api:segments:index\": 3\n");
        assertThatThrownBy(() -> ApiPolicy.read(number.toString(), defaults))
                .hasMessageContaining("rule \"os_masakari_api:segments:index\" is not a string");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "\"os_masakari_api:segments:index\": \"role:\"\n");
        assertThatThrownBy(() -> ApiPolicy.read(bad.toString(), defaults))
                .hasMessageContaining("cannot be used: Rule \"os_masakari_api:segments:index\"");
    }
}
