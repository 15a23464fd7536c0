package org.instanceha.nova;

/** Nova or Keystone answered 5xx, timed out, or could not be reached: worth trying again. */
public class ComputeUnavailable extends ComputeException {
    public ComputeUnavailable(int status, String message) {
        super(status, message, true);
    }

    public ComputeUnavailable(String message, Throwable cause) {
        super(0, message, true, cause);
    }
}
