package org.instanceha.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over TLS, every cookie that the application or the Camunda webapps set is marked {@code Secure}, so that a
 * browser never sends it over plain HTTP: the dashboard's session, Camunda's {@code XSRF-TOKEN} and its session.
 * A request is over TLS when it came over {@code server.ssl}, through a proxy that said so (with
 * {@code server.forward-headers-strategy: native}), or when {@code instanceha.public-url} is {@code https}.
 * Tomcat marks its own session cookie the same way when its connector is secure.
 */
public class SecureCookies extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, request.isSecure() ? new Marking(response) : response);
    }

    private static final class Marking extends HttpServletResponseWrapper {

        Marking(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secured(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secured(name, value));
        }

        private static String secured(String name, String value) {
            if (value == null || !"set-cookie".equalsIgnoreCase(name)
                    || value.toLowerCase(Locale.ROOT).matches("(?s).*;\\s*secure\\s*(;.*)?$")) {
                return value;
            }
            return value + "; Secure";
        }
    }
}
