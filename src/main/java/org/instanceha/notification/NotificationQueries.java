package org.instanceha.notification;

import java.util.List;
import java.util.Optional;

import org.instanceha.common.NotFoundException;
import org.instanceha.common.PageRequest;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads notifications and their VM moves for the API and the dashboard. */
@Service
@Transactional(readOnly = true)
public class NotificationQueries {

    private final NotificationRepository notifications;
    private final VmMoveRepository vmoves;

    public NotificationQueries(NotificationRepository notifications, VmMoveRepository vmoves) {
        this.notifications = notifications;
        this.vmoves = vmoves;
    }

    public Notification get(String uuid) {
        return notifications.findByUuid(uuid).orElseThrow(() ->
                new NotFoundException("No notification with id " + uuid + "."));
    }

    public List<Notification> list(NotificationFilter filter, PageRequest page) {
        return notifications.list(filter, page);
    }

    public List<VmMove> vmoves(String notificationUuid, String status, String type, PageRequest page) {
        return vmoves.list(notificationUuid, status, type, page);
    }

    public Optional<VmMove> vmove(String uuid) {
        return vmoves.findByUuid(uuid);
    }
}
