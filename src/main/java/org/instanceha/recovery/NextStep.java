package org.instanceha.recovery;


/** What a workflow does after its registration task: the variable {@code nextStep} its gateway "What next?" reads. */
public enum NextStep implements GatewayValue {
    /** Recover: the report calls for it. */
    RECOVER("recover"),
    /** Finish at once: nothing needs doing ({@code finishReason} says why). */
    FINISH("finish"),
    /** Ignore the report ({@code ignoreReason} says why). */
    IGNORE("ignore"),
    /** Reject a start through the REST API that describes no valid notification ({@code rejectionReason}). */
    REJECT("reject");

    private final String variableValue;

    NextStep(String variableValue) {
        this.variableValue = variableValue;
    }

    @Override
    public String variableValue() {
        return variableValue;
    }
}
