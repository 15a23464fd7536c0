package org.instanceha.common;

/** A referenced resource does not exist (HTTP 404, {@code itemNotFound}). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
