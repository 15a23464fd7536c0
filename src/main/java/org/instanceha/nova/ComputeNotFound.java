package org.instanceha.nova;

/** Nova does not know the server, service, host or aggregate (404). */
public class ComputeNotFound extends ComputeException {
    public ComputeNotFound(String message) {
        super(404, message, false);
    }
}
