package org.instanceha.security;

import java.time.Instant;
import java.util.List;

/** What Keystone said about a caller's token. */
public record KeystoneToken(String userName, String projectId, List<String> roles, Instant expiresAt) {
}
