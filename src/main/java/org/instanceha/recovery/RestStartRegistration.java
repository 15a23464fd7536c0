package org.instanceha.recovery;

import static org.instanceha.recovery.WorkflowNames.*;

import java.util.UUID;

import org.instanceha.common.ConflictException;
import org.instanceha.common.InvalidInputException;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationDraft;
import org.instanceha.notification.NotificationFields;
import org.instanceha.notification.NotificationIntake;
import org.instanceha.notification.NotificationType;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A workflow started through Camunda's REST API has no notification yet: its first task registers one
 * from the start's variables ({@code hostname}, {@code type}, {@code generatedTime}, {@code payload}) under
 * the v1 API's rules, or rejects the start with the reason ({@code nextStep} reject,
 * {@code rejectionReason}). Shared by the registration tasks of every recovery workflow.
 */
@Component
public class RestStartRegistration {

    private static final Logger log = LoggerFactory.getLogger(RestStartRegistration.class);

    private final NotificationIntake intake;
    private final HostRepository hosts;

    RestStartRegistration(NotificationIntake intake, HostRepository hosts) {
        this.intake = intake;
        this.hosts = hosts;
    }

    /**
     * The workflow's notification: the one the v1 intake stored, or the one a REST start describes,
     * registered now; null (and nextStep reject) when the start is invalid.
     */
    public String notificationOf(TaskRun task, NotificationType expected) {
        String given = task.text(NOTIFICATION_UUID);
        return given != null ? given : register(task, expected);
    }

    /**
     * Registers the notification a REST start describes; null (and nextStep reject, with the reason)
     * when it is invalid or not of the type the workflow recovers.
     */
    String register(TaskRun task, NotificationType expected) {
        String businessKey = task.execution().getProcessBusinessKey();
        String uuid = businessKey != null && isUuid(businessKey) ? businessKey : UUID.randomUUID().toString();
        try {
            NotificationType type = NotificationFields.type(task.text(TYPE));
            if (type != expected) {
                throw new InvalidInputException("The workflow '" + task.execution().getProcessDefinitionId()
                        .split(":")[0] + "' recovers " + expected + " notifications, not " + type + ".");
            }
            NotificationDraft draft = new NotificationDraft(type,
                    requiredVariable(task, HOSTNAME),
                    NotificationFields.generatedTime(requiredVariable(task, GENERATED_TIME)),
                    NotificationFields.payload(requiredVariable(task, PAYLOAD)));
            intake.register(uuid, draft);
        } catch (InvalidInputException | ConflictException e) {
            log.warn("Workflow {} started through the REST API was rejected: {}",
                    task.execution().getProcessInstanceId(), e.getMessage());
            task.set(NEXT_STEP, NextStep.REJECT);
            task.set(REJECTION_REASON, e.getMessage());
            return null;
        }
        if (!uuid.equals(businessKey)) {
            task.execution().setProcessBusinessKey(uuid);
        }
        task.set(NOTIFICATION_UUID, uuid);
        return uuid;
    }

    /** The host a stored notification came from; it must still exist, as the intake checked it did. */
    public Host hostOf(Notification notification) {
        return hosts.findByUuid(notification.sourceHostUuid()).orElseThrow(() -> new IllegalStateException("host "
                + notification.sourceHostUuid() + " of notification " + notification.uuid() + " is gone"));
    }

    private static String requiredVariable(TaskRun task, String name) {
        String value = task.text(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("The variable '" + name + "' is required.");
        }
        return value;
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
