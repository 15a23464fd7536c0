package org.instanceha.recovery.hostfailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.hostfailure.HostFailureRecovery.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.NotificationProjects;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.InstanceProtection;
import org.instanceha.nova.Server;
import org.instanceha.recovery.ListedServers;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.ProtectedInstanceRules;
import org.instanceha.vmove.RestartTiers;
import org.instanceha.recovery.planning.EvacuationClassRules;
import org.instanceha.segment.EvacuationAction;
import org.instanceha.segment.EvacuationPolicy;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Identify protected instances": one pending VM move per instance of the failed host to evacuate, protected
 * ones first ({@link ProtectedInstanceRules}), each with its restart priority (metadata {@code instanceha:priority},
 * 1 first to 5 last, 3 by default), which the evacuations start tier by tier with, and its evacuation class and
 * action ({@link EvacuationClassRules} with the segment's policy): an instance to skip gets its move {@code ignored}
 * at once, with its reason, and is not evacuated. A second run finds the moves of the first.
 */
@Reads({"notificationUuid", "hostname"})
@Writes({"instanceCount", "vmoveIds"})
@Component
public class IdentifyProtectedInstances extends RecoveryTask {

    private final Compute compute;
    private final VmMoveRepository vmoves;
    private final RestartTiers tiers;
    private final NotificationProjects projects;
    private final RecoveryProperties properties;
    private final ListedServers listed;
    private final SegmentPolicyOfNotification policies;
    private final Clock clock;

    public IdentifyProtectedInstances(RecoveryProgress progress, Compute compute, VmMoveRepository vmoves,
                                      RestartTiers tiers, NotificationProjects projects,
                                      RecoveryProperties properties, ListedServers listed,
                                      SegmentPolicyOfNotification policies, Clock clock) {
        super(progress);
        this.compute = compute;
        this.vmoves = vmoves;
        this.tiers = tiers;
        this.projects = projects;
        this.properties = properties;
        this.listed = listed;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String uuid = task.notificationUuid();
        String host = task.required(HOSTNAME);
        List<Server> servers = compute.serversOnHost(host);
        List<Server> selected = ProtectedInstanceRules.select(servers, properties.evacuateAllInstances(),
                properties.ignoreInstancesInErrorState());
        EvacuationPolicy policy = policies.of(uuid).evacuation();
        List<String> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notEvacuated = new ArrayList<>();
        Map<String, Integer> priorities = new java.util.LinkedHashMap<>();
        for (Server server : selected) {
            EvacuationClassRules.Choice choice = EvacuationClassRules.choose(server, policy);
            VmMove move = vmoves.create(uuid, server.id(), server.name(), host, server.vmState(), server.vcpus(),
                    server.ramMb(), ProtectedInstanceRules.haEnabled(server), server.projectId(),
                    treatment(choice), UtcTime.now(clock));
            if (choice.problem() != null) {
                problems.add(choice.problem());
            }
            if (move.status() == VmMoveStatus.IGNORED) {
                notEvacuated.add(server.name() + " skipped: " + choice.reason());
                continue;
            }
            if (choice.action() == EvacuationAction.ASK) {
                notEvacuated.add(server.name() + " asked about first: " + choice.reason());
            }
            ids.add(move.uuid());
            InstanceProtection.Priority priority = ProtectedInstanceRules.priority(server,
                    RestartTiers.DEFAULT_PRIORITY);
            priorities.put(server.id(), priority.value());
            if (priority.problem() != null) {
                problems.add(priority.problem());
            }
        }
        projects.record(uuid, selected.stream().map(Server::projectId).toList());
        // One tier (every instance at the default) needs no record: each instance's check then finds no earlier tier.
        if (priorities.values().stream().anyMatch(p -> p != RestartTiers.DEFAULT_PRIORITY)) {
            priorities.forEach((instance, priority) -> tiers.record(uuid, instance, priority));
        }
        listed.remember(selected);
        task.set(VMOVE_IDS, ids);
        task.set(INSTANCE_COUNT, ids.size());
        Map<Integer, Long> byTier = priorities.values().stream().collect(Collectors.groupingBy(p -> p,
                java.util.TreeMap::new, Collectors.counting()));
        List<String> names = selected.stream().filter(s -> priorities.containsKey(s.id())).map(Server::name).toList();
        task.success(servers.size() + " instance(s) on " + host + ", " + names.size() + " to evacuate"
                + (names.isEmpty() ? "." : ": " + String.join(", ", names) + ".")
                + (byTier.size() > 1 ? " Restart tiers, first to last: " + byTier.entrySet().stream()
                .map(t -> "priority " + t.getKey() + " (" + t.getValue() + ")").collect(Collectors.joining(", "))
                + "." : "")
                + (notEvacuated.isEmpty() ? "" : " " + String.join("; ", notEvacuated) + ".")
                + (problems.isEmpty() ? "" : " " + String.join("; ", problems) + "."));
    }

    /** The move's class and action; a skipped or asked instance's move says why in its message. */
    private static VmMoveRepository.Treatment treatment(EvacuationClassRules.Choice choice) {
        String message = switch (choice.action()) {
            case SKIP -> "Skipped by the segment's policy: " + choice.reason() + ".";
            case ASK -> "Asking an operator before the rebuild: " + choice.reason() + ".";
            default -> null;
        };
        return new VmMoveRepository.Treatment(choice.evacuationClass().wireName(), choice.action().wireName(),
                message);
    }
}
