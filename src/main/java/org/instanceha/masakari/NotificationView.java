package org.instanceha.masakari;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.common.CallerScope;
import org.instanceha.common.JsonValues;
import org.instanceha.common.UtcTime;
import org.instanceha.notification.Notification;
import org.instanceha.notification.TaskDetails;

/**
 * A notification as Masakari 14 shows it (field order of the real API), with
 * {@code failover_segment_uuid} and {@code message} after it, and {@code recovery_workflow_details}
 * on show from microversion 1.1.
 */
public final class NotificationView {

    private static final ObjectMapper JSON = JsonValues.MAPPER;

    private NotificationView() {
    }

    public static Map<String, Object> of(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("notification_uuid", n.uuid());
        m.put("generated_time", UtcTime.format(n.generatedTime()));
        m.put("source_host_uuid", n.sourceHostUuid());
        m.put("type", n.type().name());
        m.put("payload", payload(n.payload()));
        m.put("status", n.status().wireName());
        m.put("created_at", UtcTime.format(n.createdAt()));
        m.put("updated_at", UtcTime.format(n.updatedAt()));
        m.put("deleted_at", UtcTime.format(n.deletedAt()));
        m.put("deleted", n.deleted());
        m.put("failover_segment_uuid", n.segmentUuid());
        m.put("message", n.message());
        return m;
    }

    /**
     * The notification as a caller limited to a project sees it: without our {@code message}, which may name
     * instances of other projects.
     */
    public static Map<String, Object> of(Notification n, CallerScope scope) {
        Map<String, Object> m = of(n);
        if (!scope.everything()) {
            m.put("message", null);
        }
        return m;
    }

    /** Masakari's {@code recovery_workflow_details}: one entry per task that ran, with its messages. */
    public static List<Map<String, Object>> workflowDetails(List<TaskDetails> tasks) {
        return tasks.stream().map(NotificationView::task).toList();
    }

    private static Map<String, Object> task(TaskDetails task) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", task.name());
        t.put("state", task.state().name());
        t.put("progress", task.progress());
        t.put("progress_details", task.entries().stream().map(e -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("timestamp", UtcTime.format(e.at()));
            detail.put("message", e.message());
            detail.put("progress", e.progress());
            return detail;
        }).toList());
        return t;
    }

    private static JsonNode payload(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
