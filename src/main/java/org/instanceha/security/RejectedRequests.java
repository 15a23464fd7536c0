package org.instanceha.security;

import org.instanceha.masakari.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests Spring Security's firewall refuses (an HTTP method it does not know, a path with {@code ..}
 * or {@code ;}, a malformed header) get a fault body: 405 {@code badMethod} for a method, 400
 * {@code badRequest} otherwise, and one short log line at most.
 */
@Configuration(proxyBeanMethods = false)
public class RejectedRequests {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            String why = String.valueOf(rejected.getMessage());
            boolean method = why.contains("HTTP method");
            log.debug("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), why);
            Faults.write(response, method ? 405 : 400, method
                    ? "The method is not allowed for this resource."
                    : "The request was rejected: its path or headers are not allowed.");
        };
    }
}
