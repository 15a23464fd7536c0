package org.instanceha.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.auth.*}: who may use the API and the Camunda webapps.
 *
 * @param mode          {@code local} (default) or {@code keystone}
 * @param adminUser     the administrator created in Camunda's identity service at start
 * @param adminPassword its password; required, and never a known default under the {@code prod} profile
 * @param adminGroup    membership of this Camunda group is the API's {@code admin} role ({@code local} mode)
 * @param readerGroup   membership of this Camunda group is the {@code reader} role with a system scope: it
 *                      reads everything but BMC details ({@code local} mode)
 * @param keystoneRoles the Keystone roles that may use the API ({@code keystone} mode); any one suffices
 * @param tokenCacheTtl how long a validated Keystone token is trusted before Keystone is asked again
 *                      (never past the token's own expiry)
 * @param policyFile    a YAML or JSON file of policy rules that override the defaults, rule by rule, under
 *                      Masakari's rule names; none by default
 */
@ConfigurationProperties("instanceha.auth")
public record AuthProperties(
        @DefaultValue("local") AuthMode mode,
        @DefaultValue("admin") String adminUser,
        String adminPassword,
        @DefaultValue("camunda-admin") String adminGroup,
        @DefaultValue("instanceha-readers") String readerGroup,
        @DefaultValue("admin") List<String> keystoneRoles,
        @DefaultValue("2m") Duration tokenCacheTtl,
        String policyFile) {

    /** The Spring Security authorities that stand for the API's admin role in the configured mode. */
    public String[] apiAuthorities() {
        if (mode == AuthMode.KEYSTONE) {
            return keystoneRoles.stream().map(KeystoneAuthenticationFilter::authority).toArray(String[]::new);
        }
        return new String[] {"GROUP_" + adminGroup};
    }
}
