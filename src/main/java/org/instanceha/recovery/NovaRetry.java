package org.instanceha.recovery;

import org.springframework.stereotype.Component;

/**
 * The retry cycle of every task that calls Nova, referenced from the model as
 * {@code camunda:failedJobRetryTimeCycle="${novaRetry.cycle}"}: a Nova outage becomes retries, then a
 * Cockpit incident. From {@code instanceha.recovery.nova-retry-cycle}.
 */
@Component("novaRetry")
public class NovaRetry {

    private final RecoveryProperties properties;

    public NovaRetry(RecoveryProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.novaRetryCycle();
    }
}
