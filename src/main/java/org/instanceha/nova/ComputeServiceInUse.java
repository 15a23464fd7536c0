package org.instanceha.nova;

/** Nova refused an evacuation because the source host's service is still up and not forced down (400). */
public class ComputeServiceInUse extends ComputeException {
    public ComputeServiceInUse(String message) {
        super(400, message, false);
    }
}
