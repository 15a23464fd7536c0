package org.instanceha.recovery.evacuation;


import org.instanceha.recovery.GatewayValue;

/**
 * Where an evacuation stands, as "Check evacuation" finds it: the value of the variable
 * {@code evacuationState} that the gateway "Evacuation done?" reads.
 */
public enum EvacuationState implements GatewayValue {
    MOVING(InstanceEvacuation.MOVING),
    MOVED(InstanceEvacuation.MOVED),
    FAILED(InstanceEvacuation.FAILED);

    private final String variableValue;

    EvacuationState(String variableValue) {
        this.variableValue = variableValue;
    }

    @Override
    public String variableValue() {
        return variableValue;
    }
}
