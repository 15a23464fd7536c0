package org.instanceha.masakari;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Negotiates the microversion of every v1 API request before authentication, so that every
 * response (401s included) echoes it with {@code Vary}. Malformed: 400; out of range: 406.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class MicroversionFilter extends OncePerRequestFilter {

    public static final String HEADER = "OpenStack-API-Version";
    /** The request attribute holding the negotiated {@link ApiVersion}. */
    public static final String ATTRIBUTE = ApiVersion.class.getName();
    /** Real Masakari names itself so in the echoed header. */
    private static final String ECHO_SERVICE = "masakari";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !V1Paths.isV1(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Vary", HEADER);
        ApiVersion version;
        try {
            version = ApiVersion.fromHeader(request.getHeader(HEADER));
        } catch (ApiVersion.Malformed e) {
            Faults.write(response, 400, e.getMessage());
            return;
        } catch (ApiVersion.Unsupported e) {
            Faults.write(response, 406, e.getMessage());
            return;
        }
        response.setHeader(HEADER, ECHO_SERVICE + " " + version);
        request.setAttribute(ATTRIBUTE, version);
        chain.doFilter(request, response);
    }

    public static ApiVersion versionOf(HttpServletRequest request) {
        Object version = request.getAttribute(ATTRIBUTE);
        return version instanceof ApiVersion v ? v : ApiVersion.MIN;
    }
}
