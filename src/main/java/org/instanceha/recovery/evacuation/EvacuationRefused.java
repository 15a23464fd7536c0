package org.instanceha.recovery.evacuation;

/** Nova refused to evacuate an instance, or it is gone, for a reason retrying will not change. */
public class EvacuationRefused extends RuntimeException {

    public EvacuationRefused(String message) {
        super(message);
    }
}
