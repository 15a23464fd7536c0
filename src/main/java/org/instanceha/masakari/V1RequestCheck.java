package org.instanceha.masakari;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every v1 request must be before a route reads it: its {@code Content-Type}, if any, names one
 * media type (a wildcard such as {@code *}{@code /*} or {@code application/*}, or an unreadable one, is
 * a 415 {@code badMediaType}, not a failure deep in the body's conversion; which concrete types a
 * route reads is its own business), and no query parameter holds a NUL character (400: PostgreSQL
 * cannot even compare one).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
public class V1RequestCheck extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !V1Paths.isV1(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.contains("%00")) {
            Faults.write(response, 400, "A query parameter holds a NUL character, which is not allowed.");
            return;
        }
        String given = request.getContentType();
        if (given == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean concrete;
        try {
            MediaType type = MediaType.parseMediaType(given);
            concrete = !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            concrete = false;
        }
        if (!concrete) {
            Faults.write(response, 415, "Unsupported Content-Type " + org.instanceha.common.FieldRules.shortened(given)
                    + ": send the body as application/json.");
            return;
        }
        chain.doFilter(request, response);
    }
}
