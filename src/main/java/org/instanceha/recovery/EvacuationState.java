package org.instanceha.recovery;

/**
 * Where an evacuation stands, as "Check evacuation" finds it: the value of the variable
 * {@code evacuationState} that the gateway "Evacuation done?" reads.
 */
public enum EvacuationState {
    MOVING(HostFailureRecovery.MOVING),
    MOVED(HostFailureRecovery.MOVED),
    FAILED(HostFailureRecovery.FAILED);

    private final String variableValue;

    EvacuationState(String variableValue) {
        this.variableValue = variableValue;
    }

    public String variableValue() {
        return variableValue;
    }
}
