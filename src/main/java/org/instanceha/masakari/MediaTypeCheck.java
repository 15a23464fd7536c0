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
 * A v1 request's {@code Content-Type} must name one media type: a wildcard ({@code *}{@code /*},
 * {@code application/*}) or an unreadable one is a 415 {@code badMediaType}, not a failure deep in
 * the body's conversion. Which concrete types a route reads is its own business.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
public class MediaTypeCheck extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !V1Paths.isV1(request) || request.getContentType() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getContentType();
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
