package org.instanceha.notification;

import java.util.Collection;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which projects' instances each notification moved or restarted: what a project's member may read. Recorded
 * by the workflows when they first read the servers from Nova.
 */
@Repository
public class NotificationProjects {

    private final JdbcClient jdbc;

    public NotificationProjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the notification touches instances of {@code projectIds} (known ones are kept once). */
    public void record(String notificationUuid, Collection<String> projectIds) {
        projectIds.stream().filter(Objects::nonNull).distinct().forEach(project -> jdbc.sql("""
                        INSERT INTO notification_projects (project_id, notification_uuid)
                        SELECT :project, :n FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (
                            SELECT 1 FROM notification_projects p WHERE p.project_id = :project
                            AND p.notification_uuid = :n)""")
                .param("project", project).param("n", notificationUuid).update());
    }

    /** Whether the notification moved or restarted an instance of the project. */
    public boolean touched(String notificationUuid, String projectId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_projects WHERE project_id = :project "
                        + "AND notification_uuid = :n")
                .param("project", projectId).param("n", notificationUuid).query(Integer.class).single() > 0;
    }
}
