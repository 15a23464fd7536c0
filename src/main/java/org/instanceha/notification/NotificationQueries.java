package org.instanceha.notification;

import java.util.List;

import org.instanceha.common.NotFoundException;
import org.instanceha.common.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads notifications for the API and the dashboard. */
@Service
@Transactional(readOnly = true)
public class NotificationQueries {

    private final NotificationRepository notifications;

    public NotificationQueries(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public Notification get(String uuid) {
        return notifications.findByUuid(uuid).orElseThrow(() ->
                new NotFoundException("No notification with id " + uuid + "."));
    }

    public List<Notification> list(NotificationFilter filter, PageRequest page) {
        return notifications.list(filter, page);
    }
}
