package org.instanceha.common;

/** The request is malformed or breaks a validation rule (HTTP 400, {@code badRequest}). */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
