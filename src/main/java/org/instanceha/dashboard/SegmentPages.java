package org.instanceha.dashboard;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.common.ConflictException;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.NotFoundException;
import org.instanceha.common.PageRequest;
import org.instanceha.common.SortKey;
import org.instanceha.detection.HostMonitor;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationDraft;
import org.instanceha.notification.HostReturn;
import org.instanceha.notification.HostReturns;
import org.instanceha.notification.NotificationIntake;
import org.instanceha.notification.NotificationType;
import org.instanceha.segment.ControlAttributes;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostChanges;
import org.instanceha.segment.HostFilter;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.segment.RecoveryPlans;
import org.instanceha.segment.FailureDomain;
import org.instanceha.segment.ReturnToService;
import org.instanceha.segment.SegmentPolicies;
import org.instanceha.segment.Segment;
import org.instanceha.segment.SegmentFields;
import org.instanceha.segment.SegmentFilter;
import org.instanceha.segment.SegmentService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Segments and hosts: list, create, edit, delete, clear maintenance, and (with the simulator) simulate
 * a host failure. Form fields are checked by the segment's field rules and go to the same service as
 * the v1 API's requests, so the rules and messages are the API's.
 */
@Controller
public class SegmentPages {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SegmentPages.class);

    private final ObjectMapper mapper;
    private static final PageRequest ALL_BY_NAME = new PageRequest(1000, null,
            List.of(new SortKey("name", true), new SortKey("id", true)));

    private final SegmentService segments;
    private final NotificationIntake intake;
    private final ObjectProvider<HostFailureSimulation> simulator;
    private final Clock clock;
    private final RecoveryPlans plans;
    private final HostMonitor monitor;
    private final SegmentPolicies policies;
    private final HostReturns returns;

    public SegmentPages(SegmentService segments, NotificationIntake intake, ObjectProvider<HostFailureSimulation> simulator,
                        Clock clock, RecoveryPlans plans, ObjectMapper mapper, HostMonitor monitor,
                        SegmentPolicies policies, HostReturns returns) {
        this.monitor = monitor;
        this.policies = policies;
        this.returns = returns;
        this.segments = segments;
        this.intake = intake;
        this.simulator = simulator;
        this.clock = clock;
        this.plans = plans;
        this.mapper = mapper;
    }

    /** "If this host died now": the segment's recovery plan, a row per host, each expandable to its instances. */
    @GetMapping("/dashboard/segments/{uuid}/plan")
    public String plan(@PathVariable String uuid, Model model) {
        Segment segment = segments.getSegment(uuid);
        model.addAttribute("segment", segment);
        model.addAttribute("plan", plans.of(segment));
        return "plan";
    }

    @GetMapping("/dashboard/segments")
    public String list(Model model) {
        model.addAttribute("segments", segments.listSegments(new SegmentFilter(null, null, null), ALL_BY_NAME));
        model.addAttribute("methods", RecoveryMethod.wireNames());
        return "segments";
    }

    @PostMapping("/dashboard/segments")
    public String create(@RequestParam String name, @RequestParam(required = false) String description,
                         @RequestParam String recoveryMethod, @RequestParam String serviceType,
                         @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes flash) {
        return attempt(flash, "redirect:/dashboard/segments", () -> {
            Segment created = segments.createSegment(SegmentFields.segment(name, description, recoveryMethod,
                    serviceType, enabled));
            flash.addFlashAttribute("info", "Segment " + created.name() + " created.");
            return "redirect:/dashboard/segments/" + created.uuid();
        });
    }

    @GetMapping("/dashboard/segments/{uuid}")
    public String show(@PathVariable String uuid, Model model) {
        Segment segment = segments.getSegment(uuid);
        model.addAttribute("segment", segment);
        try {
            model.addAttribute("headroom", plans.of(segment).headroom());
        } catch (RuntimeException e) {
            // The page is about the segment's hosts: a cloud that cannot be asked now only hides the headroom.
            log.info("Headroom of segment {} unknown: {}", segment.name(), e.toString());
            model.addAttribute("headroom", null);
            model.addAttribute("headroomError", "the cloud could not be asked (" + e.getClass().getSimpleName() + ")");
        }
        model.addAttribute("hosts", segments.listHosts(uuid, new HostFilter(null, null, null), ALL_BY_NAME));
        try {
            model.addAttribute("unassigned", segments.unassignedComputeHosts());
        } catch (RuntimeException e) {
            log.info("Nova's compute hosts unknown: {}", e.toString());
            model.addAttribute("unassigned", List.of());
            model.addAttribute("unassignedError", "Nova could not be asked (" + e.getClass().getSimpleName() + ")");
        }
        model.addAttribute("methods", RecoveryMethod.wireNames());
        model.addAttribute("simulator", simulator.getIfAvailable() != null);
        model.addAttribute("policy", policies.of(segment.id()));
        model.addAttribute("returnChoices", ReturnToService.wireNames());
        model.addAttribute("domainChoices", FailureDomain.wireNames());
        model.addAttribute("returns", returns.open().stream().collect(java.util.stream.Collectors.toMap(
                HostReturn::hostName, r -> r, (a, b) -> b)));
        return "segment";
    }

    @PostMapping("/dashboard/segments/{uuid}")
    public String update(@PathVariable String uuid, @RequestParam String name,
                         @RequestParam(required = false) String description, @RequestParam String recoveryMethod,
                         @RequestParam String serviceType, @RequestParam(defaultValue = "false") boolean enabled,
                         RedirectAttributes flash) {
        return attempt(flash, "redirect:/dashboard/segments/" + uuid, () -> {
            segments.updateSegment(uuid, SegmentFields.segmentChanges(name, description, recoveryMethod, serviceType,
                    enabled));
            flash.addFlashAttribute("info", "Segment saved.");
            return "redirect:/dashboard/segments/" + uuid;
        });
    }

    @PostMapping("/dashboard/segments/{uuid}/delete")
    public String delete(@PathVariable String uuid, RedirectAttributes flash) {
        return attempt(flash, "redirect:/dashboard/segments/" + uuid, () -> {
            segments.deleteSegment(uuid);
            flash.addFlashAttribute("info", "Segment deleted, with its hosts.");
            return "redirect:/dashboard/segments";
        });
    }

    @PostMapping("/dashboard/segments/{uuid}/hosts")
    public String addHost(@PathVariable String uuid, @RequestParam String name, @RequestParam String type,
                          @RequestParam String controlAttributes, @RequestParam(defaultValue = "false") boolean reserved,
                          @RequestParam(defaultValue = "0") String priority, RedirectAttributes flash) {
        return attempt(flash, "redirect:/dashboard/segments/" + uuid, () -> {
            segments.createHost(uuid, SegmentFields.host(name, type, controlAttributes, reserved, priority));
            flash.addFlashAttribute("info", "Host " + name + " added.");
            return "redirect:/dashboard/segments/" + uuid;
        });
    }

    @GetMapping("/dashboard/segments/{uuid}/hosts/{host}")
    public String showHost(@PathVariable String uuid, @PathVariable String host, Model model) {
        model.addAttribute("segment", segments.getSegment(uuid));
        var shown = segments.getHost(uuid, host);
        model.addAttribute("host", shown);
        model.addAttribute("watch", monitor.watches().stream().filter(w -> w.host().equals(shown.name())).findFirst()
                .orElse(null));
        return "host";
    }

    @PostMapping("/dashboard/segments/{uuid}/hosts/{host}")
    public String updateHost(@PathVariable String uuid, @PathVariable String host, @RequestParam String name,
                             @RequestParam String type, @RequestParam String controlAttributes,
                             @RequestParam(defaultValue = "false") boolean reserved,
                             @RequestParam(defaultValue = "0") String priority, RedirectAttributes flash) {
        return attempt(flash, "redirect:/dashboard/segments/" + uuid + "/hosts/" + host, () -> {
            segments.updateHost(uuid, host, SegmentFields.hostChanges(name, type, controlAttributes, reserved,
                    priority));
            flash.addFlashAttribute("info", "Host " + name + " saved.");
            return "redirect:/dashboard/segments/" + uuid;
        });
    }

    @PostMapping("/dashboard/segments/{uuid}/hosts/{host}/delete")
    public String deleteHost(@PathVariable String uuid, @PathVariable String host, RedirectAttributes flash) {
        return attempt(flash, "redirect:/dashboard/segments/" + uuid, () -> {
            segments.deleteHost(uuid, host);
            flash.addFlashAttribute("info", "Host deleted.");
            return "redirect:/dashboard/segments/" + uuid;
        });
    }

    @PostMapping("/dashboard/segments/{uuid}/hosts/{host}/clear-maintenance")
    public String clearMaintenance(@PathVariable String uuid, @PathVariable String host, RedirectAttributes flash) {
        return attempt(flash, "redirect:/dashboard/segments/" + uuid, () -> {
            segments.updateHost(uuid, host, new HostChanges(null, null, null, null, false, null));
            flash.addFlashAttribute("info", "Maintenance cleared.");
            return "redirect:/dashboard/segments/" + uuid;
        });
    }

    /** Stops the host in the simulator and reports it as a host monitor would. */
    @PostMapping("/dashboard/segments/{uuid}/hosts/{host}/simulate-failure")
    public String simulateFailure(@PathVariable String uuid, @PathVariable String host, RedirectAttributes flash) {
        HostFailureSimulation cloud = simulator.getIfAvailable();
        if (cloud == null) {
            throw new NotFoundException("The simulator is off.");
        }
        return attempt(flash, "redirect:/dashboard/segments/" + uuid, () -> {
            Host failed = segments.getHost(uuid, host);
            String name = failed.name();
            cloud.stopHost(name);
            // The host hangs, its power on. A monitor cannot tell whether it is off: UNKNOWN, which instance-ha
            // recovers after fencing the host through its BMC. Without a BMC, a monitor that fenced it itself.
            boolean hasBmc = ControlAttributes.bmc(failed.controlAttributes()).isPresent();
            ObjectNode payload = mapper.createObjectNode().put("event", "STOPPED")
                    .put("host_status", hasBmc ? "UNKNOWN" : "NORMAL").put("cluster_status", "OFFLINE");
            Notification notification = intake.accept(new NotificationDraft(NotificationType.COMPUTE_HOST, name,
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), payload));
            return "redirect:/dashboard/notifications/" + notification.uuid() + "?tab=progress";
        });
    }

    /** Runs an action; a rule it breaks comes back to the page as an error, with the API's message. */
    private static String attempt(RedirectAttributes flash, String onError, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return onError;
        }
    }
}
