package org.instanceha.security;

import java.util.function.Supplier;

import org.instanceha.masakari.Faults;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 answers of the v1 API, as Masakari fault bodies. */
final class FaultResponses {

    static final String UNAUTHORIZED = "The request you have made requires authentication.";
    static final String FORBIDDEN = "Policy doesn't allow this operation to be performed: it needs the admin role.";

    private FaultResponses() {
    }

    static AuthenticationEntryPoint unauthorized(Supplier<String> wwwAuthenticate) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", wwwAuthenticate.get());
            Faults.write(response, 401, UNAUTHORIZED);
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> Faults.write(response, 403, FORBIDDEN);
    }
}
