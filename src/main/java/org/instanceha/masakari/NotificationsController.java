package org.instanceha.masakari;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.instanceha.common.CallerScope;
import org.instanceha.common.FieldRules;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.NotFoundException;
import org.instanceha.common.PolicyNames;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationFields;
import org.instanceha.notification.NotificationFilter;
import org.instanceha.notification.NotificationIntake;
import org.instanceha.notification.NotificationQueries;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.NotificationType;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.notification.TaskDetails;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveQueries;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/notifications} and, from microversion 1.3, their VM moves. */
@RestController
@RequestMapping(path = {"/v1/notifications", "/v1/" + V1Paths.PROJECT + "/notifications"},
        produces = MediaType.APPLICATION_JSON_VALUE)
public class NotificationsController {

    private final NotificationIntake intake;
    private final NotificationQueries queries;
    private final RecoveryProgress progress;
    private final VmMoveQueries vmoves;

    public NotificationsController(NotificationIntake intake, NotificationQueries queries, RecoveryProgress progress,
                                   VmMoveQueries vmoves) {
        this.intake = intake;
        this.queries = queries;
        this.progress = progress;
        this.vmoves = vmoves;
    }

    @PostMapping
    @PolicyRule(PolicyNames.NOTIFICATIONS_CREATE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> create(@RequestBody JsonNode body) {
        return Map.of("notification", NotificationView.of(intake.accept(NotificationRequests.create(body))));
    }

    @GetMapping
    @PolicyRule(PolicyNames.NOTIFICATIONS_INDEX)
    public Map<String, Object> list(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        Map<String, String> single = query.toSingleValueMap();
        NotificationStatus status = null;
        if (single.containsKey("status")) {
            try {
                status = NotificationStatus.fromWire(single.get("status"));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Invalid value '" + FieldRules.shortened(single.get("status"))
                        + "' for filter status.");
            }
        }
        NotificationType type = single.containsKey("type") ? NotificationFields.type(single.get("type")) : null;
        var filter = new NotificationFilter(status, single.get("source_host_uuid"), type,
                single.containsKey("generated-since") ? NotificationFields.generatedTime(single.get("generated-since"))
                        : null);
        var page = ListParams.page(query, NotificationRepository.SORTABLE);
        CallerScope scope = PolicyCheck.scope(request);
        return Map.of("notifications", queries.list(filter.within(scope), page).stream()
                .map(n -> NotificationView.of(n, scope)).toList());
    }

    @GetMapping("/{notificationId}")
    @PolicyRule(PolicyNames.NOTIFICATIONS_DETAIL)
    public Map<String, Object> show(@PathVariable String notificationId, HttpServletRequest request) {
        CallerScope scope = PolicyCheck.scope(request);
        Notification notification = queries.get(notificationId, scope);
        Map<String, Object> view = NotificationView.of(notification, scope);
        // The workflow's messages name every instance of the host: a project's member follows its own in the VM moves.
        if (MicroversionFilter.versionOf(request).atLeast(ApiVersion.V1_1) && scope.everything()) {
            view.put("recovery_workflow_details", NotificationView.workflowDetails(
                    TaskDetails.of(progress.of(notification.uuid()))));
        }
        return Map.of("notification", view);
    }

    @GetMapping("/{notificationId}/vmoves")
    @PolicyRule(PolicyNames.VMOVES_INDEX)
    public Map<String, Object> vmoves(@PathVariable String notificationId,
                                      @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        Notification notification = computeHostNotification(notificationId, request);
        Map<String, String> single = query.toSingleValueMap();
        var page = ListParams.page(query, VmMoveQueries.SORTABLE);
        String statusFilter = single.get("status");
        Optional<VmMoveStatus> status = statusFilter == null ? Optional.empty() : VmMoveStatus.fromWire(statusFilter);
        if (statusFilter != null && status.isEmpty()) {
            return Map.of("vmoves", List.of()); // no move has a status that does not exist
        }
        return Map.of("vmoves", vmoves.list(notification.uuid(), status.orElse(null), single.get("type"),
                        PolicyCheck.scope(request), page)
                .stream().map(VmMoveView::of).toList());
    }

    @GetMapping("/{notificationId}/vmoves/{vmoveId}")
    @PolicyRule(PolicyNames.VMOVES_DETAIL)
    public Map<String, Object> vmove(@PathVariable String notificationId, @PathVariable String vmoveId,
                                     HttpServletRequest request) {
        Notification notification = computeHostNotification(notificationId, request);
        VmMove move = vmoves.find(notification.uuid(), vmoveId, PolicyCheck.scope(request))
                .orElseThrow(() -> new NotFoundException("No vm move with id " + vmoveId + "."));
        return Map.of("vmove", VmMoveView.of(move));
    }

    private Notification computeHostNotification(String notificationId, HttpServletRequest request) {
        if (!MicroversionFilter.versionOf(request).atLeast(ApiVersion.V1_3)) {
            throw new NotFoundException("The resource could not be found.");
        }
        Notification notification = queries.get(notificationId, PolicyCheck.scope(request));
        if (notification.type() != NotificationType.COMPUTE_HOST) {
            throw new InvalidInputException("Notification " + notificationId + " is of type " + notification.type()
                    + ": only COMPUTE_HOST notifications have VM moves.");
        }
        return notification;
    }
}
