package org.instanceha.recovery.hostfailure;

import org.instanceha.recovery.GatewayValue;

/** Where fencing a failed host stands after "Fence host": the variable {@code fencingOutcome} of "Host powered off?". */
public enum FencingOutcome implements GatewayValue {
    /** The BMC says the host is off: the recovery goes on. */
    OFF("off"),
    /** The host has no BMC, and the report (host_status NORMAL) says it is fenced: the recovery goes on. */
    NO_BMC("no BMC"),
    /** The power off was sent, and the BMC does not say Off yet: read it again after the poll interval. */
    NOT_YET("not yet"),
    /** This attempt failed (no answer, wrong credentials, still on after the bound): another after a delay. */
    RETRY("retry"),
    /** Every attempt failed: an operator must confirm the host is off. */
    ASK_OPERATOR("ask operator");

    private final String variableValue;

    FencingOutcome(String variableValue) {
        this.variableValue = variableValue;
    }

    @Override
    public String variableValue() {
        return variableValue;
    }
}
