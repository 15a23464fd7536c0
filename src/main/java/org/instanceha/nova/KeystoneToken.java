package org.instanceha.nova;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Keystone says about a token ({@code {"token": {...}}} of {@code POST} or {@code GET /v3/auth/tokens}),
 * read in one place ({@link #read}) for a caller's token that the API validates and a project user's login
 * alike. The token's id is not part of it: a validated caller's token is kept only as a digest.
 *
 * @param projectId   the project it is scoped to; null for a system-scoped token
 * @param projectName that project's name; null for a system-scoped token
 * @param systemAll   whether it is scoped to the whole system ({@code "system": {"all": true}})
 */
public record KeystoneToken(String userName, String projectId, String projectName, List<String> roles,
                            boolean systemAll, Instant expiresAt) implements Serializable {

    public KeystoneToken {
        roles = List.copyOf(roles);
    }

    /**
     * Reads the {@code token} object of Keystone's answer.
     *
     * @throws IllegalArgumentException when it has no readable {@code expires_at}
     */
    static KeystoneToken read(JsonNode token) {
        List<String> roles = new ArrayList<>();
        token.path("roles").forEach(r -> roles.add(r.path("name").asText()));
        Instant expires;
        try {
            expires = OffsetDateTime.parse(token.path("expires_at").asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its expires_at is not a time: " + e.getMessage(), e);
        }
        JsonNode project = token.path("project");
        return new KeystoneToken(token.path("user").path("name").asText(), project.path("id").asText(null),
                project.path("name").asText(null), roles, token.path("system").path("all").asBoolean(false), expires);
    }
}
