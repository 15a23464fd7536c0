package org.instanceha.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.instanceha.nova.KeystoneToken;
import org.instanceha.nova.ProjectToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The policy's view of an authenticated caller.
 * <ul>
 *   <li>{@code keystone} mode: the token's roles and project, or its system scope; a dashboard session
 *       opened by a project user's password (their {@link ProjectToken}) likewise.</li>
 *   <li>{@code local} mode, from Camunda groups: the admin group ({@code camunda-admin}) is the {@code admin}
 *       role with a system scope; the reader group ({@code instanceha-readers}) the {@code reader} role with a
 *       system scope; a group {@code project-<project id>} the {@code member} and {@code reader} roles in that
 *       project. A user in several project groups is in none of them.</li>
 * </ul>
 */
@Component
public class CallerCredentials {

    static final String PROJECT_GROUP_PREFIX = "project-";

    private final AuthProperties auth;

    public CallerCredentials(AuthProperties auth) {
        this.auth = auth;
    }

    public PolicyRules.Credentials of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return PolicyRules.Credentials.NOBODY;
        }
        if (authentication.getDetails() instanceof KeystoneToken token) {
            return new PolicyRules.Credentials(Set.copyOf(token.roles()), token.projectId(), token.systemAll());
        }
        if (authentication.getDetails() instanceof ProjectToken token) {
            return new PolicyRules.Credentials(Set.copyOf(token.roles()), token.projectId(), false);
        }
        Set<String> roles = new HashSet<>();
        boolean system = false;
        List<String> projects = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("GROUP_" + PROJECT_GROUP_PREFIX))
                .map(a -> a.substring(("GROUP_" + PROJECT_GROUP_PREFIX).length())).toList();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.equals("GROUP_" + auth.adminGroup())) {
                roles.addAll(List.of("admin", "member", "reader"));
                system = true;
            } else if (name.equals("GROUP_" + auth.readerGroup())) {
                roles.add("reader");
                system = true;
            }
        }
        String project = projects.size() == 1 ? projects.get(0) : null;
        if (project != null) {
            roles.addAll(List.of("member", "reader"));
        }
        return new PolicyRules.Credentials(roles, project, system);
    }
}
