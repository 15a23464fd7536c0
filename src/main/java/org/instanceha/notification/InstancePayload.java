package org.instanceha.notification;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payload of a {@code VM} notification, read once from its stored JSON. masakari-monitors' instance
 * monitor sends libvirt's event id as {@code event} ({@code LIFECYCLE}, {@code IO_ERROR},
 * {@code QEMU_GUEST_AGENT_ERROR}, ...), its detail as {@code vir_domain_event} ({@code STOPPED_FAILED},
 * {@code STOPPED_SHUTDOWN}, {@code IO_ERROR_REPORT}, ...) and the domain's uuid, which is the Nova
 * instance's, as {@code instance_uuid}.
 */
public record InstancePayload(String event, String virDomainEvent, String instanceUuid) {

    public static InstancePayload of(Notification notification) {
        JsonNode payload = StoredPayload.read(notification, NotificationType.VM);
        return new InstancePayload(StoredPayload.text(payload, "event"), StoredPayload.text(payload, "vir_domain_event"),
                StoredPayload.text(payload, "instance_uuid"));
    }
}
