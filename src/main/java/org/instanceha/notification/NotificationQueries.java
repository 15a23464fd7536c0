package org.instanceha.notification;

import java.util.List;

import org.instanceha.common.CallerScope;
import org.instanceha.common.NotFoundException;
import org.instanceha.common.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads notifications for the API and the dashboard. */
@Service
@Transactional(readOnly = true)
public class NotificationQueries {

    private final NotificationRepository notifications;
    private final NotificationProjects projects;

    public NotificationQueries(NotificationRepository notifications, NotificationProjects projects) {
        this.notifications = notifications;
        this.projects = projects;
    }

    public Notification get(String uuid) {
        return notifications.findByUuid(uuid).orElseThrow(() ->
                new NotFoundException("No notification with id " + uuid + "."));
    }

    /**
     * The notification, if the caller may see it: a caller limited to a project sees only those that moved or
     * restarted one of its instances, and is told of the others exactly what it is told of one that does not exist.
     */
    public Notification get(String uuid, CallerScope scope) {
        if (!scope.everything() && !projects.touched(uuid, scope.projectId())) {
            throw new NotFoundException("No notification with id " + uuid + ".");
        }
        return get(uuid);
    }

    public List<Notification> list(NotificationFilter filter, PageRequest page) {
        return notifications.list(filter, page);
    }
}
