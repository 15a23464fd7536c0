package org.instanceha.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * {@code local} mode: checks a user name and password against Camunda's identity service, and grants
 * one authority {@code GROUP_<id>} per Camunda group the user belongs to. The engine never locks a
 * user after wrong passwords ({@link NoLoginLockout}).
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final FailedLogins failedLogins;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, FailedLogins failedLogins) {
        this.identityService = identityService;
        this.failedLogins = failedLogins;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isEmpty() || credentials == null) {
            throw new BadCredentialsException("The request you have made requires authentication.");
        }
        if (!identityService.checkPassword(user, credentials.toString())) {
            failedLogins.wrongPassword(user);
            throw new BadCredentialsException("The request you have made requires authentication.");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(group -> new SimpleGrantedAuthority("GROUP_" + group.getId()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
