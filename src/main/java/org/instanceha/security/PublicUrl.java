package org.instanceha.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code instanceha.public-url} set, every request reads as addressed to it: scheme, host and
 * port (and the {@code Host} header) come from the setting, never from the request, so that links
 * and redirects cannot be pointed elsewhere by a caller.
 */
public class PublicUrl extends OncePerRequestFilter {

    private final URI publicUrl;

    public PublicUrl(URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Addressed(request, publicUrl), response);
    }

    private static final class Addressed extends HttpServletRequestWrapper {

        private final String scheme;
        private final String host;
        private final int port;
        /** host, or host:port when the port is not the scheme's default: the Host header and URL authority. */
        private final String authority;

        Addressed(HttpServletRequest request, URI publicUrl) {
            super(request);
            this.scheme = publicUrl.getScheme();
            this.host = publicUrl.getHost();
            int defaultPort = scheme.equals("https") ? 443 : 80;
            this.port = publicUrl.getPort() >= 0 ? publicUrl.getPort() : defaultPort;
            this.authority = port == defaultPort ? host : host + ":" + port;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return scheme.equals("https");
        }

        @Override
        public String getServerName() {
            return host;
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(scheme).append("://").append(authority).append(getRequestURI());
        }

        @Override
        public String getHeader(String name) {
            if ("Host".equalsIgnoreCase(name)) {
                return authority;
            }
            if (name != null && name.toLowerCase(java.util.Locale.ROOT).startsWith("x-forwarded-")) {
                return null;
            }
            return super.getHeader(name);
        }
    }
}
