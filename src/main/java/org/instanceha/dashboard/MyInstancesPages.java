package org.instanceha.dashboard;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.instanceha.common.CallerScope;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.PageRequest;
import org.instanceha.common.SortKey;
import org.instanceha.notification.NotificationFilter;
import org.instanceha.notification.NotificationQueries;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.InstanceProtection;
import org.instanceha.nova.ProjectCompute;
import org.instanceha.nova.ProjectToken;
import org.instanceha.nova.Server;
import org.instanceha.segment.HostRepository;
import org.instanceha.vmove.InstanceRestartRepository;
import org.instanceha.vmove.VmMoveQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My instances": a project user's servers with their protection and restart priority, what covers each, their
 * recoveries, and the notifications that touched the project. Changes are written to the server's metadata
 * with the user's own token, so that Nova's policy decides who may change what.
 */
@Controller
public class MyInstancesPages {

    private static final Logger log = LoggerFactory.getLogger(MyInstancesPages.class);
    static final int HISTORY = 200;
    static final int NOTIFICATIONS = 50;

    private final ProjectCompute projectCompute;
    private final Compute compute;
    private final HostRepository hosts;
    private final VmMoveQueries vmoves;
    private final InstanceRestartRepository restarts;
    private final NotificationQueries notifications;
    private final Clock clock;

    public MyInstancesPages(ProjectCompute projectCompute, Compute compute, HostRepository hosts,
                            VmMoveQueries vmoves, InstanceRestartRepository restarts,
                            NotificationQueries notifications, Clock clock) {
        this.projectCompute = projectCompute;
        this.compute = compute;
        this.hosts = hosts;
        this.vmoves = vmoves;
        this.restarts = restarts;
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping("/dashboard/my-instances")
    public String show(Model model, HttpServletRequest request) {
        ProjectToken token = token();
        if (expired(token)) {
            return loggedOut(request);
        }
        List<Server> servers;
        try {
            servers = projectCompute.servers(token);
        } catch (ComputeException e) {
            if (e.status() == 401) {
                return loggedOut(request);
            }
            throw e;
        }
        Map<String, String> where = compute.serversOfProject(token.projectId()).stream()
                .filter(s -> s.host() != null).collect(Collectors.toMap(Server::id, Server::host, (a, b) -> a));
        model.addAttribute("project", token.projectName());
        model.addAttribute("user", token.userName());
        model.addAttribute("rows", MyInstances.rows(servers, where, hosts::findByName));
        model.addAttribute("history", MyInstances.history(vmoves.ofProject(token.projectId(), HISTORY),
                restarts.ofInstances(servers.stream().map(Server::id).toList(), HISTORY), servers));
        model.addAttribute("notifications", notifications.list(new NotificationFilter(null, null, null, null)
                .within(CallerScope.project(token.projectId())), new PageRequest(NOTIFICATIONS, null,
                List.of(new SortKey("created_at", false), new SortKey("id", false)))));
        return "my-instances";
    }

    @PostMapping("/dashboard/my-instances/{serverId}")
    public String change(@PathVariable String serverId, @RequestParam(defaultValue = "false") boolean haEnabled,
                         @RequestParam String priority, HttpServletRequest request, RedirectAttributes flash) {
        ProjectToken token = token();
        if (expired(token)) {
            return loggedOut(request);
        }
        if (!priority.matches("[1-5]")) {
            throw new InvalidInputException("The restart priority is 1 (first) to 5 (last), not '"
                    + org.instanceha.common.FieldRules.shortened(priority) + "'.");
        }
        Map<String, String> items = new LinkedHashMap<>();
        items.put(InstanceProtection.HA_ENABLED_KEY, haEnabled ? "True" : "False");
        items.put(InstanceProtection.PRIORITY_KEY, priority);
        try {
            projectCompute.setMetadata(token, serverId, items);
        } catch (ComputeException e) {
            if (e.status() == 401) {
                return loggedOut(request);
            }
            log.info("{} of project {} could not change {}: {}", token.userName(), token.projectId(), serverId,
                    e.getMessage());
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/dashboard/my-instances";
        }
        log.info("{} of project {} set {} of server {}", token.userName(), token.projectId(), items, serverId);
        flash.addFlashAttribute("info", "Saved: protection " + (haEnabled ? "on" : "off") + ", restart priority "
                + priority + ". Nova now holds " + InstanceProtection.HA_ENABLED_KEY + "="
                + items.get(InstanceProtection.HA_ENABLED_KEY) + " and " + InstanceProtection.PRIORITY_KEY + "="
                + priority + " for this server.");
        return "redirect:/dashboard/my-instances";
    }

    private static ProjectToken token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getDetails() instanceof ProjectToken token)) {
            throw new IllegalStateException("My instances without a project login");
        }
        return token;
    }

    private boolean expired(ProjectToken token) {
        return !clock.instant().isBefore(token.expiresAt());
    }

    /** The user's token has expired, or Keystone revoked it: log in again. */
    private static String loggedOut(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/dashboard/login?projectError=expired";
    }
}
