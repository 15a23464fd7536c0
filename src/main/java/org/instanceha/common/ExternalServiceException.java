package org.instanceha.common;

/**
 * A service the request depends on (Nova, Keystone) refused it or could not be reached; the message
 * says what it said. The API answers 503 with it: the caller did nothing wrong.
 */
public class ExternalServiceException extends RuntimeException {

    public ExternalServiceException(String message) {
        super(message);
    }

    public ExternalServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
