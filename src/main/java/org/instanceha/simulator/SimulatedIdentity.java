package org.instanceha.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The simulated Keystone's users, projects and tokens. Thread-safe. */
public class SimulatedIdentity {

    /** An issued token: who, in which project (null: a system-scoped token), with which roles, until when. */
    public record IssuedToken(String id, CloudSeed.UserSeed user, CloudSeed.ProjectSeed project, Instant issuedAt,
                              Instant expiresAt, String auditId) {
    }

    private final Map<String, CloudSeed.UserSeed> users;
    private final Map<String, CloudSeed.ProjectSeed> projects;
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final Clock clock;
    private volatile Duration tokenTtl;

    public SimulatedIdentity(CloudSeed seed, Duration tokenTtl, Clock clock) {
        this.users = seed.users().stream().collect(Collectors.toMap(CloudSeed.UserSeed::name, u -> u));
        this.projects = seed.projects().stream().collect(Collectors.toMap(CloudSeed.ProjectSeed::name, p -> p));
        this.tokenTtl = tokenTtl;
        this.clock = clock;
    }

    /**
     * Password authentication scoped to a project, or to the whole system ({@code system}, for users with
     * system roles); empty when the credentials or the scope are wrong.
     */
    public Optional<IssuedToken> authenticate(String userName, String password, String projectName, boolean system) {
        CloudSeed.UserSeed user = users.get(userName);
        if (user == null || !user.password().equals(password)) {
            return Optional.empty();
        }
        CloudSeed.ProjectSeed project = null;
        if (system || user.system()) {
            if (!system || !user.system()) {
                return Optional.empty();
            }
        } else {
            String scope = projectName != null ? projectName : user.project();
            project = projects.get(scope);
            if (project == null || !scope.equals(user.project())) {
                return Optional.empty();
            }
        }
        Instant now = clock.instant();
        String id = "gAAAAA" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString()
                .replace("-", "");
        IssuedToken token = new IssuedToken(id, user, project, now, now.plus(tokenTtl),
                UUID.randomUUID().toString().substring(0, 22));
        tokens.put(id, token);
        issued.incrementAndGet();
        return Optional.of(token);
    }

    /** A token that exists and has not expired. */
    public Optional<IssuedToken> validate(String tokenId) {
        if (tokenId == null) {
            return Optional.empty();
        }
        IssuedToken token = tokens.get(tokenId);
        if (token == null || !clock.instant().isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    public List<String> roles(IssuedToken token) {
        return token.user().roles();
    }

    /** Projects by id, to build catalog URLs. */
    public CloudSeed.ProjectSeed project(String name) {
        return projects.get(name);
    }

    /** How many tokens were issued since start (or the last reset). */
    public int tokensIssued() {
        return issued.get();
    }

    /** Counts a request refused for a missing, unknown or expired token. */
    public void countRejected() {
        rejected.incrementAndGet();
    }

    /** How many requests were refused for a missing, unknown or expired token. */
    public int rejected() {
        return rejected.get();
    }

    public void setTokenTtl(Duration ttl) {
        this.tokenTtl = ttl;
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** Revokes every token, as a Keystone restart with rotated keys would. */
    public void revokeAll() {
        tokens.clear();
    }

    /** Back to the configured token lifetime; issued tokens stay valid. */
    public void reset(Duration ttl) {
        tokenTtl = ttl;
    }
}
