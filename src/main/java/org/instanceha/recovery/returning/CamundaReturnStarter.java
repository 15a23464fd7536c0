package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.instanceha.common.UtcTime;
import org.instanceha.notification.HostReturn;
import org.instanceha.notification.HostReturns;
import org.instanceha.notification.ReturnProperties;
import org.instanceha.notification.ReturnStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts "Return host to service" for a host the host monitor saw healthy again, in one transaction with taking
 * its return from {@code out} to {@code returning}, so that two nodes never start two. Not while the workflow of
 * the recovery that took the host out still runs (an operator's task of it is open).
 */
@Component
public class CamundaReturnStarter implements ReturnStarter {

    private static final Logger log = LoggerFactory.getLogger(CamundaReturnStarter.class);

    private final RuntimeService runtime;
    private final HostReturns returns;
    private final ReturnProperties properties;
    private final Clock clock;

    public CamundaReturnStarter(RuntimeService runtime, HostReturns returns, ReturnProperties properties,
                                Clock clock) {
        this.runtime = runtime;
        this.returns = returns;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String start(HostReturn r) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(HOST_FAILURE_RECOVERY)
                .processInstanceBusinessKey(r.notificationUuid()).count() > 0) {
            String said = "healthy again, but the workflow of its recovery " + r.notificationUuid()
                    + " still runs (an operator's task of it is open): it returns once that has ended.";
            returns.note(r.id(), said, UtcTime.now(clock));
            return said;
        }
        if (!returns.startReturning(r.id(), UtcTime.now(clock))) {
            return "its return was started by another node";
        }
        var instance = runtime.startProcessInstanceByKey(RETURN_HOST_TO_SERVICE, r.notificationUuid(), Map.of(
                NOTIFICATION_UUID, r.notificationUuid(),
                HOSTNAME, r.hostName(),
                RETURN_ID, String.valueOf(r.id()),
                RETURN_POLL_INTERVAL, properties.pollInterval().toString()));
        log.info("Started Return host to service for {} ({}), after recovery {}", r.hostName(), instance.getId(),
                r.notificationUuid());
        return "healthy again: started Return host to service";
    }
}
