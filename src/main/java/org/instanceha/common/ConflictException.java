package org.instanceha.common;

/** The request conflicts with the current state: a duplicate name, a resource in use (HTTP 409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
