package org.instanceha.common;

/** The caller is known, but the policy does not allow what they asked (HTTP 403, {@code forbidden}). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
