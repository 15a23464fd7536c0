package org.instanceha.nova;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.openstack4j.api.OSClient;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One Keystone token for the whole application, renewed by us before it expires, and bound to the
 * calling thread on demand (openstack4j keeps its session per thread, and a pooled thread may carry
 * whatever an earlier job left on it). The token holds the password openstack4j re-authenticates
 * with: it is never logged or serialised.
 */
@Component
public class KeystoneSession {

    private static final Logger log = LoggerFactory.getLogger(KeystoneSession.class);

    private final OpenStackProperties properties;
    private final ObjectProvider<DefaultCloud> defaultCloud;
    private final Clock clock;
    private Token token;

    public KeystoneSession(OpenStackProperties properties, ObjectProvider<DefaultCloud> defaultCloud, Clock clock) {
        this.properties = properties;
        this.defaultCloud = defaultCloud;
        this.clock = clock;
    }

    /** Binds a client with the shared token to the current thread, authenticating first if needed. */
    public OSClient.OSClientV3 bindToCurrentThread() {
        OSClient.OSClientV3 client = OSFactory.clientFromToken(token(), facing(), config());
        if (properties.region() != null && !properties.region().isBlank()) {
            client.useRegion(properties.region());
        }
        return client;
    }

    /** The shared token, renewed when it is within the refresh margin of its expiry. */
    public synchronized Token token() {
        if (token == null || refreshDue(token, Instant.now(clock))) {
            token = authenticate();
        }
        return token;
    }

    /** The token's id, to authenticate our own calls to Keystone (token validation). */
    public String tokenId() {
        return token().getId();
    }

    /** The Keystone v3 URL in use. */
    public String authUrl() {
        if (properties.authUrl() != null && !properties.authUrl().isBlank()) {
            return properties.authUrl();
        }
        DefaultCloud cloud = defaultCloud.getIfAvailable();
        if (cloud == null) {
            throw new ComputeException(0, "No cloud is configured: set instanceha.openstack.auth-url "
                    + "(INSTANCEHA_OPENSTACK_AUTH_URL), or turn the simulator on.", false);
        }
        return cloud.authUrl();
    }

    /** Forgets the token, so that the next call authenticates again. */
    public synchronized void invalidate() {
        token = null;
    }

    boolean refreshDue(Token current, Instant now) {
        Instant expires = current.getExpires().toInstant();
        Instant issued = current.getIssuedAt() != null ? current.getIssuedAt().toInstant() : now;
        Duration lifetime = Duration.between(issued, expires);
        Duration margin = properties.tokenRefreshMargin();
        if (margin.compareTo(lifetime.dividedBy(2)) > 0) {
            margin = lifetime.dividedBy(2);
        }
        return !now.isBefore(expires.minus(margin));
    }

    private Token authenticate() {
        String url = authUrl();
        if (properties.password() == null || properties.password().isBlank()) {
            throw new ComputeException(0, "No OpenStack password is configured: set instanceha.openstack.password "
                    + "(INSTANCEHA_OPENSTACK_PASSWORD).", false);
        }
        CallDeadline.ensureTimeFor("authentication to Keystone at " + url);
        try {
            Token fresh = OSFactory.builderV3()
                    .endpoint(url)
                    .credentials(properties.username(), properties.password(),
                            Identifier.byName(properties.userDomainName()))
                    .scopeToProject(Identifier.byName(properties.projectName()),
                            Identifier.byName(properties.projectDomainName()))
                    .perspective(facing())
                    .withConfig(config())
                    .authenticate()
                    .getToken();
            log.info("Authenticated to Keystone at {} as {} in project {}; token valid until {}", url,
                    properties.username(), properties.projectName(), fresh.getExpires().toInstant());
            return fresh;
        } catch (AuthenticationException e) {
            throw new ComputeException(401, "Keystone at " + url + " refused the credentials of user "
                    + properties.username() + ": " + e.getMessage(), false, e);
        } catch (ConnectionException e) {
            throw new ComputeUnavailable("Keystone at " + url + " could not be reached: " + e.getMessage(), e);
        } catch (ResponseException e) {
            throw new ComputeUnavailable(e.getStatus(), "Keystone at " + url + " answered " + e.getStatus() + ": "
                    + e.getMessage());
        }
    }

    /** The configured timeouts, cut to what is left of the calling job's time ({@link CallDeadline}). */
    Config config() {
        return Config.newConfig()
                .withConnectionTimeout(millis(CallDeadline.cap(properties.connectTimeout())))
                .withReadTimeout(millis(CallDeadline.cap(properties.readTimeout())));
    }

    /** openstack4j reads 0 as "no timeout": never less than 1 ms. */
    private static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private Facing facing() {
        return switch (properties.interfaceName().toLowerCase()) {
            case "internal" -> Facing.INTERNAL;
            case "admin" -> Facing.ADMIN;
            default -> Facing.PUBLIC;
        };
    }
}
