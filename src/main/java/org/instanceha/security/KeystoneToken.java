package org.instanceha.security;

import java.time.Instant;
import java.util.List;

/**
 * What Keystone said about a caller's token.
 *
 * @param projectId the project it is scoped to; null for a system-scoped token
 * @param systemAll whether it is scoped to the whole system ({@code "system": {"all": true}})
 */
public record KeystoneToken(String userName, String projectId, List<String> roles, Instant expiresAt,
                            boolean systemAll) {
}
