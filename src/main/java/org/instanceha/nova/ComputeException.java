package org.instanceha.nova;

import org.instanceha.common.ExternalServiceException;

/** Nova refused a request, or could not be reached. The message says what Nova said. */
public class ComputeException extends ExternalServiceException {

    private final int status;
    private final boolean retryable;

    public ComputeException(int status, String message, boolean retryable) {
        super(message);
        this.status = status;
        this.retryable = retryable;
    }

    public ComputeException(int status, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    /** The HTTP status Nova answered with; 0 when no answer came. */
    public int status() {
        return status;
    }

    /** Whether the same request may succeed later without anybody changing anything. */
    public boolean retryable() {
        return retryable;
    }
}
