package org.instanceha.nova;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A project user's own Keystone token, from their password: what the dashboard acts with on their behalf, so
 * that Nova's policy decides what they may change.
 *
 * @param computeUrl Nova's endpoint in the token's catalog (the configured interface and region)
 */
public record ProjectToken(String id, String userName, String projectId, String projectName, List<String> roles,
                           String computeUrl, Instant expiresAt) implements Serializable {

    public ProjectToken {
        roles = List.copyOf(roles);
    }

    /** The token itself never shows in logs or pages. */
    @Override
    public String toString() {
        return "ProjectToken[" + userName + " in " + projectName + " (" + projectId + "), roles " + roles
                + ", until " + expiresAt + "]";
    }
}
