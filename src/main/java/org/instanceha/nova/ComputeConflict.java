package org.instanceha.nova;

/** Nova refused because of the server's state, e.g. a task is running (409). */
public class ComputeConflict extends ComputeException {
    public ComputeConflict(String message) {
        super(409, message, false);
    }
}
