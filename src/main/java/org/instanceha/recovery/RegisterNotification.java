package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.instanceha.common.ConflictException;
import org.instanceha.common.InvalidInputException;
import org.instanceha.masakari.NotificationRequests;
import org.instanceha.notification.NotificationDraft;
import org.instanceha.notification.NotificationIntake;
import org.instanceha.notification.NotificationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Register notification": the notification is {@code running}; a STOPPED host goes on maintenance;
 * decides what comes next. A workflow started through Camunda's REST API has no notification yet:
 * this registers one from its variables under the v1 API's rules, or rejects the start with a reason.
 * <p>
 * Reads {@code notificationUuid}, or {@code hostname}, {@code type}, {@code generatedTime}, {@code payload};
 * writes {@code notificationUuid}, {@code nextStep}, {@code ignoreReason} / {@code rejectionReason},
 * {@code segmentEnabled}, {@code recoveryMethod}, {@code forceDown}, {@code hostname}, and the timer settings.
 */
@Component
public class RegisterNotification implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RegisterNotification.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostRecoveryService recovery;
    private final NotificationIntake intake;
    private final RecoveryProperties properties;

    public RegisterNotification(HostRecoveryService recovery, NotificationIntake intake,
                                RecoveryProperties properties) {
        this.recovery = recovery;
        this.intake = intake;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String uuid = (String) execution.getVariable(NOTIFICATION_UUID);
        if (uuid == null) {
            uuid = registerFromVariables(execution);
            if (uuid == null) {
                return;
            }
        }
        HostRecoveryService.Registration registration = recovery.register(uuid, execution.getCurrentActivityName());
        execution.setVariable(NEXT_STEP, registration.nextStep());
        execution.setVariable(HOSTNAME, registration.hostname());
        execution.setVariable(SEGMENT_ENABLED, registration.segmentEnabled());
        execution.setVariable(RECOVERY_METHOD, registration.recoveryMethod().wireName());
        execution.setVariable(FORCE_DOWN, registration.forceDown());
        execution.setVariable(IGNORE_REASON, registration.reason());
        execution.setVariable(SERVICE_DOWN_DEADLINE, Instant.now().plus(properties.serviceDownTimeout()).toString());
        execution.setVariable(SERVICE_POLL_INTERVAL, properties.serviceDownPollInterval().toString());
        execution.setVariable(EVACUATION_POLL_INTERVAL, properties.evacuationPollInterval().toString());
        execution.setVariable(SLOT_WAIT_INTERVAL, properties.slotWaitInterval().toString());
    }

    /** Registers the notification a REST start describes; null (and nextStep reject) when it is invalid. */
    private String registerFromVariables(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        String uuid = businessKey != null && isUuid(businessKey) ? businessKey : UUID.randomUUID().toString();
        try {
            NotificationType type = NotificationRequests.type(text(execution.getVariable(TYPE)));
            NotificationDraft draft = new NotificationDraft(type, required(execution, HOSTNAME),
                    NotificationRequests.generatedTime(required(execution, GENERATED_TIME)),
                    payload(execution.getVariable(PAYLOAD)));
            intake.register(uuid, draft);
        } catch (InvalidInputException | ConflictException e) {
            log.warn("Workflow {} started through the REST API was rejected: {}", execution.getProcessInstanceId(),
                    e.getMessage());
            execution.setVariable(NEXT_STEP, REJECT);
            execution.setVariable(REJECTION_REASON, e.getMessage());
            return null;
        }
        if (!uuid.equals(businessKey)) {
            execution.setProcessBusinessKey(uuid);
        }
        execution.setVariable(NOTIFICATION_UUID, uuid);
        return uuid;
    }

    private static String required(DelegateExecution execution, String name) {
        String value = text(execution.getVariable(name));
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("The variable '" + name + "' is required.");
        }
        return value;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static ObjectNode payload(Object value) {
        if (value == null) {
            throw new InvalidInputException("The variable 'payload' is required.");
        }
        try {
            JsonNode node = value instanceof String s ? JSON.readTree(s) : JSON.readTree(value.toString());
            if (!(node instanceof ObjectNode object)) {
                throw new InvalidInputException("The variable 'payload' must be a JSON object.");
            }
            return object;
        } catch (java.io.IOException e) {
            throw new InvalidInputException("The variable 'payload' is not valid JSON: " + e.getMessage());
        }
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
