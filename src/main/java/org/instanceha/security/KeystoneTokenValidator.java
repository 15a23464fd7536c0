package org.instanceha.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.KeystoneClient;
import org.instanceha.nova.KeystoneToken;
import org.springframework.stereotype.Component;

/**
 * {@code keystone} mode: a caller's token, validated by Keystone ({@link KeystoneClient#validate}) and
 * remembered until it expires or the cache time passes, whichever comes first; a token Keystone does not know
 * is remembered as such for {@value #NEGATIVE_SECONDS} s. At most {@value #MAX_CACHED} answers are kept,
 * and tokens only as SHA-256 digests.
 */
@Component
public class KeystoneTokenValidator {

    static final int MAX_CACHED = 10_000;
    static final int NEGATIVE_SECONDS = 10;

    private final KeystoneClient keystone;
    private final AuthProperties auth;
    private final Clock clock;
    private final Cache<String, Optional<KeystoneToken>> cache;

    public KeystoneTokenValidator(KeystoneClient keystone, AuthProperties auth, Clock clock) {
        this.keystone = keystone;
        this.auth = auth;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, Optional<KeystoneToken>>creating((key, answer) -> lifetime(answer)))
                .build();
    }

    /**
     * The token's owner and roles; empty when Keystone does not know the token or it has expired.
     *
     * @throws ComputeException when Keystone cannot be asked (nothing is remembered then)
     */
    public Optional<KeystoneToken> validate(String token) {
        return cache.get(digest(token), key -> keystone.validate(token));
    }

    private Duration lifetime(Optional<KeystoneToken> answer) {
        if (answer.isEmpty()) {
            return Duration.ofSeconds(NEGATIVE_SECONDS);
        }
        Duration untilExpiry = Duration.between(Instant.now(clock), answer.get().expiresAt());
        Duration ttl = auth.tokenCacheTtl();
        Duration lifetime = untilExpiry.compareTo(ttl) < 0 ? untilExpiry : ttl;
        return lifetime.isNegative() ? Duration.ZERO : lifetime;
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
