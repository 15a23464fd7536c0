package org.instanceha.dashboard;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.PageRequest;
import org.instanceha.common.SortKey;
import org.instanceha.notification.InstancePayload;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationFilter;
import org.instanceha.notification.NotificationQueries;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.NotificationType;
import org.instanceha.notification.ProcessPayload;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.segment.HostRepository;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;
import org.instanceha.vmove.VmMove;
import org.instanceha.common.CallerScope;
import org.instanceha.vmove.VmMoveQueries;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Notifications: the list, and one notification with its Overview and Recovery Progress tabs. */
@Controller
public class NotificationPages {

    static final int PAGE_SIZE = 25;
    private static final List<SortKey> NEWEST_FIRST = List.of(new SortKey("created_at", false),
            new SortKey("id", false));

    private final NotificationQueries queries;
    private final RecoveryProgress progress;
    private final HostRepository hosts;
    private final TaskService tasks;
    private final VmMoveQueries vmoves;
    private final InstanceRestartRepository restarts;
    private final org.instanceha.vmove.RestartTiers tiers;

    public NotificationPages(NotificationQueries queries, RecoveryProgress progress, HostRepository hosts,
                             TaskService tasks, VmMoveQueries vmoves, InstanceRestartRepository restarts,
                             org.instanceha.vmove.RestartTiers tiers) {
        this.queries = queries;
        this.progress = progress;
        this.hosts = hosts;
        this.tasks = tasks;
        this.vmoves = vmoves;
        this.restarts = restarts;
        this.tiers = tiers;
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    public String home() {
        return "redirect:/dashboard/notifications";
    }

    /** Where Spring Security forwards a refused request, whatever its method (a form without its CSRF token). */
    @RequestMapping("/dashboard/forbidden")
    public String forbidden() {
        return "forbidden";
    }

    @GetMapping("/dashboard/notifications")
    public String list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
                       @RequestParam(required = false) Long after,
                       @RequestParam(defaultValue = "false") boolean waiting, Model model) {
        NotificationStatus statusFilter = parse(status, NotificationStatus::fromWire);
        NotificationType typeFilter = parse(type, NotificationType::valueOf);
        List<Notification> page = queries.list(new NotificationFilter(statusFilter, null, typeFilter, null, waiting),
                new PageRequest(PAGE_SIZE + 1, after, NEWEST_FIRST));
        boolean more = page.size() > PAGE_SIZE;
        List<Notification> shown = more ? page.subList(0, PAGE_SIZE) : page;
        model.addAttribute("notifications", shown);
        model.addAttribute("hostNames", hosts.namesByUuid(shown.stream().map(Notification::sourceHostUuid)
                .collect(java.util.stream.Collectors.toSet())));
        model.addAttribute("next", more ? shown.get(shown.size() - 1).id() : null);
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute("waiting", waiting);
        model.addAttribute("statuses", List.of(NotificationStatus.values()).stream().map(NotificationStatus::wireName)
                .toList());
        model.addAttribute("types", List.of(NotificationType.values()));
        return "notifications";
    }

    @GetMapping("/dashboard/notifications/{uuid}")
    public String show(@PathVariable String uuid, @RequestParam(defaultValue = "overview") String tab,
                       Model model) {
        Notification notification = queries.get(uuid);
        model.addAttribute("n", notification);
        model.addAttribute("tab", "progress".equals(tab) ? "progress" : "overview");
        List<RecoveryProgress.Entry> steps = progress.of(uuid);
        model.addAttribute("steps", steps);
        model.addAttribute("hostName", hosts.namesByUuid(List.of(notification.sourceHostUuid()))
                .getOrDefault(notification.sourceHostUuid(), notification.sourceHostUuid()));
        model.addAttribute("openTasks", tasks.createTaskQuery().processInstanceBusinessKey(uuid).count());
        model.addAttribute("timeline", IncidentTimeline.of(notification, steps,
                vmoves.list(uuid, null, null, CallerScope.EVERYTHING, new PageRequest(1000, null, List.of(new SortKey("id", true)))),
                restarts.allOf(uuid)));
        addProgress(notification, model);
        return "notification";
    }

    /** The Recovery Progress tab alone, which htmx fetches every 5 s while the notification runs. */
    @GetMapping("/dashboard/notifications/{uuid}/progress")
    public String progressFragment(@PathVariable String uuid, Model model) {
        Notification notification = queries.get(uuid);
        model.addAttribute("n", notification);
        addProgress(notification, model);
        return "notification :: progress";
    }

    private void addProgress(Notification notification, Model model) {
        switch (notification.type()) {
            case COMPUTE_HOST -> addEvacuations(notification, model);
            case VM -> addRestarts(notification, model);
            case PROCESS -> addService(notification, model);
        }
    }

    /** An instance failure: the instance, and each attempt to restart it with Nova's vm_states along the way. */
    private void addRestarts(Notification notification, Model model) {
        List<InstanceRestart> attempts = restarts.allOf(notification.uuid());
        InstanceRestart latest = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        boolean done = latest != null && !latest.status().unfinished() && !latest.waitingForOperator();
        model.addAttribute("instance", InstancePayload.of(notification));
        model.addAttribute("restarts", attempts);
        model.addAttribute("total", latest == null ? 0 : 1);
        model.addAttribute("succeeded", latest != null && latest.status() == VmMoveStatus.SUCCEEDED ? 1 : 0);
        model.addAttribute("failed", done && latest.status() == VmMoveStatus.FAILED ? 1 : 0);
        model.addAttribute("percent", latest == null ? (isFinal(notification) ? 100 : 0) : done ? 100 : 0);
        model.addAttribute("live", !isFinal(notification) || latest != null && !done);
    }

    /**
     * A process failure: the process, its host and whether it is on maintenance now, and what the workflow
     * did to the host's nova-compute service (its steps on the service).
     */
    private void addService(Notification notification, Model model) {
        model.addAttribute("process", ProcessPayload.of(notification));
        model.addAttribute("processHost", hosts.findByUuid(notification.sourceHostUuid()).orElse(null));
        model.addAttribute("serviceSteps", progress.of(notification.uuid()).stream()
                .filter(e -> e.taskName().toLowerCase(java.util.Locale.ROOT).contains("service")).toList());
        model.addAttribute("total", 0);
        model.addAttribute("succeeded", 0);
        model.addAttribute("failed", 0);
        model.addAttribute("percent", isFinal(notification) ? 100 : 0);
        model.addAttribute("live", !isFinal(notification));
    }

    private void addEvacuations(Notification notification, Model model) {
        List<VmMove> moves = vmoves.list(notification.uuid(), null, null, CallerScope.EVERYTHING,
                new PageRequest(1000, null, List.of(new SortKey("id", true))));
        // The table shows every attempt; the counts are per instance, by its latest attempt.
        List<VmMove> latest = moves.stream().collect(java.util.stream.Collectors.toMap(VmMove::instanceUuid,
                m -> m, (a, b) -> a.attempt() >= b.attempt() ? a : b, java.util.LinkedHashMap::new))
                .values().stream().toList();
        long succeeded = latest.stream().filter(m -> m.status() == VmMoveStatus.SUCCEEDED).count();
        long failed = latest.stream().filter(m -> m.status() == VmMoveStatus.FAILED && !m.waitingForOperator())
                .count();
        long done = latest.stream().filter(m -> !m.status().unfinished() && !m.waitingForOperator()).count();
        model.addAttribute("moves", moves);
        // The restart tier of each instance, shown when the host's instances have more than one.
        java.util.Map<String, Integer> priorities = tiers.prioritiesOf(notification.uuid());
        model.addAttribute("priorities", priorities);
        model.addAttribute("tiered", !priorities.isEmpty());
        model.addAttribute("total", latest.size());
        model.addAttribute("succeeded", succeeded);
        model.addAttribute("failed", failed);
        model.addAttribute("percent", latest.isEmpty() ? (isFinal(notification) ? 100 : 0)
                : Math.round(100.0 * done / latest.size()));
        // An error notification whose instances are with operators, or retried, is not over yet.
        model.addAttribute("live", !isFinal(notification) || done < latest.size());
    }

    static boolean isFinal(Notification n) {
        return n.status().isFinal();
    }

    private static <T> T parse(String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Unknown filter value " + org.instanceha.common.FieldRules.shortened(value) + ".");
        }
    }
}
