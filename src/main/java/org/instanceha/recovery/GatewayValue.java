package org.instanceha.recovery;

/**
 * A value of a process variable that a gateway of a model reads, as an enum: the task that writes it sets
 * {@link #variableValue()}, the text the model's condition compares ({@code ${nextStep == 'recover'}}).
 */
public interface GatewayValue {

    String variableValue();
}
