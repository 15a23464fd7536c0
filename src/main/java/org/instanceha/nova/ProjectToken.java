package org.instanceha.nova;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A project user's own Keystone token, from their password: what the dashboard acts with on their behalf, so
 * that Nova's policy decides what they may change.
 *
 * @param id         the token itself, sent to Nova as {@code X-Auth-Token}
 * @param token      what Keystone said about it
 * @param computeUrl Nova's endpoint in the token's catalog (the configured interface and region)
 */
public record ProjectToken(String id, KeystoneToken token, String computeUrl) implements Serializable {

    public String userName() {
        return token.userName();
    }

    public String projectId() {
        return token.projectId();
    }

    public String projectName() {
        return token.projectName();
    }

    public List<String> roles() {
        return token.roles();
    }

    public Instant expiresAt() {
        return token.expiresAt();
    }

    /** The token itself never shows in logs or pages. */
    @Override
    public String toString() {
        return "ProjectToken[" + userName() + " in " + projectName() + " (" + projectId() + "), roles " + roles()
                + ", until " + expiresAt() + "]";
    }
}
