package org.instanceha.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.KeystoneSession;
import org.instanceha.nova.OpenStackProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code keystone} mode: validates a caller's token with Keystone ({@code GET /v3/auth/tokens}, our own
 * token in {@code X-Auth-Token}, theirs in {@code X-Subject-Token}), as keystonemiddleware does, and
 * remembers the answer until the token expires or the cache time passes, whichever comes first.
 * Tokens are kept only as SHA-256 digests.
 */
@Component
public class KeystoneTokenValidator {

    private static final Logger log = LoggerFactory.getLogger(KeystoneTokenValidator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CACHED = 10_000;
    private static final java.time.Duration NEGATIVE_TTL = java.time.Duration.ofSeconds(10);

    private record Cached(Optional<KeystoneToken> token, Instant until) {
    }

    private final KeystoneSession session;
    private final AuthProperties auth;
    private final Clock clock;
    private final HttpClient http;
    private final java.time.Duration readTimeout;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public KeystoneTokenValidator(KeystoneSession session, AuthProperties auth, OpenStackProperties openStack,
                                  Clock clock) {
        this.session = session;
        this.auth = auth;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(openStack.connectTimeout()).build();
        this.readTimeout = openStack.readTimeout();
    }

    /**
     * The token's owner and roles; empty when Keystone does not know the token or it has expired.
     *
     * @throws ComputeException when Keystone cannot be asked
     */
    public Optional<KeystoneToken> validate(String token) {
        String key = digest(token);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.token();
        }
        Optional<KeystoneToken> result = ask(token, true);
        Instant until = result.map(t -> earliest(t.expiresAt(), now.plus(auth.tokenCacheTtl())))
                .orElse(now.plus(NEGATIVE_TTL));
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(c -> !now.isBefore(c.until()));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, new Cached(result, until));
        return result;
    }

    private Optional<KeystoneToken> ask(String token, boolean retryWithFreshServiceToken) {
        String url = session.authUrl().replaceAll("/+$", "") + "/auth/tokens";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("X-Auth-Token", session.tokenId())
                .header("X-Subject-Token", token)
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ComputeException(0, "Keystone at " + url + " could not be reached to validate a token: "
                    + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeException(0, "Interrupted while validating a token", true, e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return Optional.of(parse(response.body()));
        }
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 401 && retryWithFreshServiceToken) {
            log.info("Keystone refused our own token while validating a caller's; authenticating again");
            session.invalidate();
            return ask(token, false);
        }
        throw new ComputeException(status, "Keystone at " + url + " answered " + status
                + " when asked to validate a token", status >= 500);
    }

    private static KeystoneToken parse(String body) {
        try {
            JsonNode token = JSON.readTree(body).path("token");
            List<String> roles = new ArrayList<>();
            token.path("roles").forEach(r -> roles.add(r.path("name").asText()));
            Instant expires = OffsetDateTime.parse(token.path("expires_at").asText()).toInstant();
            return new KeystoneToken(token.path("user").path("name").asText(),
                    token.path("project").path("id").asText(null), List.copyOf(roles), expires,
                    token.path("system").path("all").asBoolean(false));
        } catch (IOException | DateTimeParseException e) {
            throw new ComputeException(200, "Keystone's token validation answer could not be read: "
                    + e.getMessage(), true, e);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
