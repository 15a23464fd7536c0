package org.instanceha.common;

/**
 * The authorization policy, asked by rule name ({@code os_masakari_api:segments:index}, ...) for the
 * caller of the current request. Implemented where callers are authenticated.
 */
public interface Policy {

    /**
     * What the current caller may see under {@code rule}.
     *
     * @throws ForbiddenException when the rule allows the caller nothing
     */
    CallerScope enforce(String rule);

    /** Whether {@code rule} allows the current caller everything it guards (no project limit). */
    boolean allowsEverything(String rule);
}
