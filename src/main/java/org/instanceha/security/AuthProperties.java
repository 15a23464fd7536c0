package org.instanceha.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.auth.*}: who may use the API and the Camunda webapps.
 *
 * @param mode          {@code local} (default) or {@code keystone}
 * @param adminUser     the administrator created in Camunda's identity service at start
 * @param adminPassword its password; required, and never a known default under the {@code prod} profile
 * @param adminGroup    membership of this Camunda group is the API's {@code admin} role
 */
@ConfigurationProperties("instanceha.auth")
public record AuthProperties(
        @DefaultValue("local") AuthMode mode,
        @DefaultValue("admin") String adminUser,
        String adminPassword,
        @DefaultValue("camunda-admin") String adminGroup) {

    /** The Spring Security authority that stands for the API's admin role. */
    public String adminAuthority() {
        return "GROUP_" + adminGroup;
    }
}
