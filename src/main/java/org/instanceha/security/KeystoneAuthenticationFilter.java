package org.instanceha.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.instanceha.masakari.Faults;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.KeystoneToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code keystone} mode: a request with a valid {@code X-Auth-Token} is authenticated as the token's
 * user, with one authority per Keystone role. Without a token, or with one Keystone does not know,
 * the request stays anonymous and is answered 401 further on. When Keystone cannot be asked: 503.
 */
public class KeystoneAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(KeystoneAuthenticationFilter.class);
    private static final String ROLE_PREFIX = "KEYSTONE_ROLE_";

    private final KeystoneTokenValidator validator;

    public KeystoneAuthenticationFilter(KeystoneTokenValidator validator) {
        this.validator = validator;
    }

    static String authority(String role) {
        return ROLE_PREFIX + role;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("X-Auth-Token");
        if (token != null && !token.isBlank()) {
            Optional<KeystoneToken> validated;
            try {
                validated = validator.validate(token.strip());
            } catch (ComputeException e) {
                log.warn("Token validation failed: {}", e.getMessage());
                Faults.write(response, 503, "The identity service could not validate the token; try again later.");
                return;
            }
            validated.ifPresent(t -> {
                List<SimpleGrantedAuthority> authorities = t.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(authority(r))).toList();
                var authentication = UsernamePasswordAuthenticationToken.authenticated(t.userName(), null,
                        authorities);
                authentication.setDetails(t);
                SecurityContextHolder.getContext().setAuthentication(authentication);
            });
        }
        chain.doFilter(request, response);
    }
}
