package org.instanceha.recovery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.common.UtcTime;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Aggregate;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.ComputeServiceInfo;
import org.instanceha.nova.HypervisorCapacity;
import org.instanceha.nova.Server;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The work behind the tasks of {@code host-failure-recovery.bpmn}, one method per task. Every method
 * is safe to run twice: a job that crashed after Nova acted and before we recorded it looks at Nova
 * first. Methods that record progress do so under the task's name.
 */
@Service
public class HostRecoveryService {

    private static final Logger log = LoggerFactory.getLogger(HostRecoveryService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationRepository notifications;
    private final HostRepository hosts;
    private final VmMoveRepository vmoves;
    private final RecoveryProgress progress;
    private final Compute compute;
    private final RecoveryProperties properties;
    private final Clock clock;

    public HostRecoveryService(NotificationRepository notifications, HostRepository hosts, VmMoveRepository vmoves,
                               RecoveryProgress progress, Compute compute, RecoveryProperties properties,
                               Clock clock) {
        this.notifications = notifications;
        this.hosts = hosts;
        this.vmoves = vmoves;
        this.progress = progress;
        this.compute = compute;
        this.properties = properties;
        this.clock = clock;
    }

    /** What "Register notification" found out. */
    public record Registration(String nextStep, String reason, String hostname, boolean segmentEnabled,
                               RecoveryMethod recoveryMethod, boolean forceDown) {
    }

    public Registration register(String uuid, String task) {
        Notification notification = notification(uuid);
        Host host = hosts.findByUuid(notification.sourceHostUuid()).orElseThrow(() ->
                new IllegalStateException("host " + notification.sourceHostUuid() + " of notification " + uuid
                        + " is gone"));
        JsonNode payload = readPayload(notification.payload());
        String event = payload.path("event").asText(null);
        RegistrationRules.Decision decision = RegistrationRules.decide(event, payload.path("host_status").asText(null),
                host.name());
        if (!notifications.updateStatus(uuid, NotificationStatus.RUNNING, null, UtcTime.now(clock))) {
            log.warn("Notification {} has ended already; its workflow runs again but it keeps its status", uuid);
        }
        if ("STOPPED".equals(event)) {
            hosts.putOnMaintenance(host.id(), UtcTime.now(clock));
            progress.record(uuid, task, "running", 0.5, "Host " + host.name() + " is on maintenance from now on"
                    + (host.reserved() ? " and no longer reserved" : "") + ".");
        }
        boolean enabled = host.segment().enabled();
        String reason = decision.reason();
        if (HostFailureRecovery.RECOVER.equals(decision.nextStep()) && !enabled) {
            reason = "Failover segment " + host.segment().name() + " is disabled: the failure of " + host.name()
                    + " was recorded, and nothing was evacuated.";
        }
        progress.record(uuid, task, "success", 1.0, reason != null ? reason : "Host " + host.name()
                + " failed and fencing is confirmed: recovering with method "
                + host.segment().recoveryMethod().wireName() + ".");
        return new Registration(decision.nextStep(), reason, host.name(), enabled, host.segment().recoveryMethod(),
                properties.forceDown());
    }

    public void finish(String uuid, String task, String message) {
        end(uuid, NotificationStatus.FINISHED, task, "success", message);
        log.info("Notification {} finished: {}", uuid, message);
    }

    public void ignore(String uuid, String task, String reason) {
        end(uuid, NotificationStatus.IGNORED, task, "skipped", reason);
        log.info("Notification {} ignored: {}", uuid, reason);
    }

    public void fail(String uuid, String task, String message) {
        end(uuid, NotificationStatus.ERROR, task, "error", message);
        log.warn("Notification {} ended in error: {}", uuid, message);
    }

    private void end(String uuid, NotificationStatus status, String task, String progressState, String message) {
        if (!notifications.updateStatus(uuid, status, message, UtcTime.now(clock))) {
            log.warn("Notification {} had ended before its workflow ended it; it keeps its status, not {}", uuid,
                    status.wireName());
        }
        progress.record(uuid, task, progressState, 1.0, message);
    }

    public void forceDown(String uuid, String task, String host) {
        ComputeServiceInfo service = compute.computeService(host).orElseThrow(() ->
                new ComputeException(404, "Nova has no nova-compute service on " + host, false));
        if (!service.forcedDown()) {
            compute.forceDown(host, true);
        }
        progress.record(uuid, task, "success", 1.0, "Forced the nova-compute service of " + host
                + " down: the notification confirms the host is fenced.");
    }

    /** Whether Nova reports the host's service down. */
    public boolean serviceDown(String uuid, String task, String host) {
        boolean down = compute.computeService(host).map(s -> !s.up()).orElse(true);
        progress.record(uuid, task, "running", down ? 1.0 : 0.5, "Nova reports the nova-compute service of " + host
                + (down ? " down." : " still up; waiting for its heartbeat to go stale."));
        return down;
    }

    public void disable(String uuid, String task, String host) {
        String reason = "instance-ha: host failure, notification " + uuid;
        ComputeServiceInfo service = compute.computeService(host).orElseThrow(() ->
                new ComputeException(404, "Nova has no nova-compute service on " + host, false));
        if (service.enabled()) {
            compute.disableService(host, reason);
        }
        progress.record(uuid, task, "success", 1.0, "Disabled the nova-compute service of " + host + ".");
    }

    /** Creates a pending VM move per protected instance; returns their ids, protected instances first. */
    public List<String> identify(String uuid, String task, String host) {
        List<Server> servers = compute.serversOnHost(host);
        List<Server> selected = ProtectedInstanceRules.select(servers, properties.evacuateAllInstances(),
                properties.ignoreInstancesInErrorState());
        List<String> ids = new ArrayList<>();
        for (Server server : selected) {
            ids.add(vmoves.createPending(uuid, server.id(), server.name(), host, server.vmState(), server.vcpus(),
                    server.ramMb(), UtcTime.now(clock)).uuid());
        }
        progress.record(uuid, task, "success", 1.0, servers.size() + " instance(s) on " + host + ", "
                + selected.size() + " to evacuate" + (selected.isEmpty() ? "." : ": "
                + selected.stream().map(Server::name).collect(Collectors.joining(", ")) + "."));
        return ids;
    }

    /**
     * Plans a target for every pending VM move of the notification; moves nothing can take fail at
     * once, with the planner's reason. Returns the ids of the moves that have a target.
     */
    public List<String> plan(String uuid, String task, String failedHost, RecoveryMethod method) {
        Notification notification = notification(uuid);
        Host source = hosts.findByUuid(notification.sourceHostUuid()).orElseThrow();
        List<VmMove> moves = vmoves.allOf(uuid);
        Map<String, HypervisorCapacity> capacity = compute.hypervisors().stream()
                .collect(Collectors.toMap(HypervisorCapacity::host, h -> h, (a, b) -> a));
        List<TargetPlanner.Candidate> candidates = new ArrayList<>();
        for (Host host : hosts.allOf(source.segment().id())) {
            HypervisorCapacity h = capacity.get(host.name());
            if (host.name().equals(failedHost) || host.onMaintenance() || h == null || !h.up()
                    || (!host.reserved() && !h.enabled())) {
                continue;
            }
            candidates.add(new TargetPlanner.Candidate(host.name(), h.freeVcpus(), h.freeMemoryMb(), host.priority(),
                    host.reserved()));
        }
        // Moves already started or planned (a second run) keep their target; only pending ones are planned.
        List<TargetPlanner.Instance> instances = moves.stream()
                .filter(m -> VmMove.PENDING.equals(m.status()) && m.targetHost() == null)
                .map(m -> new TargetPlanner.Instance(m.uuid(), m.instanceName(), m.vcpus(), m.ramMb())).toList();
        TargetPlanner.Plan plan = TargetPlanner.plan(method, instances, candidates);
        vmoves.createSlotLock(uuid);
        for (String reservedHost : plan.reservedHostsUsed()) {
            takeReservedHostIntoUse(uuid, task, reservedHost, failedHost);
        }
        for (TargetPlanner.Placement placement : plan.placements()) {
            if (placement.host() != null) {
                vmoves.planTarget(placement.instance().id(), placement.host(), UtcTime.now(clock));
            } else {
                vmoves.failed(placement.instance().id(), placement.reason(), UtcTime.now(clock));
            }
        }
        List<String> planned = vmoves.allOf(uuid).stream()
                .filter(m -> m.targetHost() != null && !VmMove.FAILED.equals(m.status())
                        && !VmMove.SUCCEEDED.equals(m.status()))
                .map(VmMove::uuid).toList();
        long unplaced = plan.placements().stream().filter(p -> p.host() == null).count();
        progress.record(uuid, task, unplaced == 0 ? "success" : "error", 1.0, "Planned " + planned.size()
                + " evacuation(s) with method " + method.wireName() + " over " + candidates.size() + " host(s)"
                + (unplaced > 0 ? "; " + unplaced + " instance(s) did not fit anywhere" : "") + ".");
        return planned;
    }

    private void takeReservedHostIntoUse(String uuid, String task, String reservedHost, String failedHost) {
        Host host = hosts.findByName(reservedHost).orElseThrow();
        compute.computeService(reservedHost).filter(s -> !s.enabled())
                .ifPresent(s -> compute.enableService(reservedHost));
        if (properties.addReservedHostToAggregate()) {
            for (Aggregate aggregate : compute.aggregatesOf(failedHost)) {
                if (!aggregate.hosts().contains(reservedHost)) {
                    compute.addHostToAggregate(aggregate.id(), reservedHost);
                }
            }
        }
        hosts.claimReserved(host.id(), UtcTime.now(clock));
        progress.record(uuid, task, "running", 0.5, "Took reserved host " + reservedHost + " into use: nova-compute "
                + "enabled" + (properties.addReservedHostToAggregate() ? ", added to the aggregates of " + failedHost
                : "") + ", no longer reserved.");
    }

    /** Locks the instance, and resets it to error where Nova would refuse to evacuate it. */
    public void prepare(String vmoveId, String task) {
        VmMove move = vmove(vmoveId);
        Optional<Server> found = compute.server(move.instanceUuid());
        if (found.isEmpty()) {
            throw new EvacuationRefused("Instance " + move.instanceName() + " (" + move.instanceUuid()
                    + ") no longer exists in Nova.");
        }
        Server server = found.get();
        boolean onSource = move.sourceHost().equals(server.host());
        if (onSource && !server.locked()) {
            compute.lock(server.id());
        }
        boolean evacuable = List.of("active", "stopped", "error").contains(server.vmState())
                && (server.taskState() == null || "rebuilding".equals(server.taskState()));
        if (onSource && !evacuable) {
            compute.resetState(server.id(), "error");
            progress.record(move.notificationUuid(), task, "running", 0.5, "Reset " + server.name()
                    + " to error (it was " + server.vmState() + "/" + server.taskState()
                    + "), so that Nova accepts its evacuation.");
        }
    }

    /** Takes one of the notification's evacuation slots; false when all are in use. */
    public boolean claimSlot(String vmoveId) {
        VmMove move = vmove(vmoveId);
        return vmoves.claimSlot(vmoveId, move.notificationUuid(), properties.maxParallelEvacuations(),
                UtcTime.now(clock));
    }

    /**
     * Asks Nova to evacuate the instance to its planned target, unless Nova already moved it or is
     * moving it (this job ran before). Returns the deadline by which it must have settled.
     *
     * @throws EvacuationRefused when Nova refuses for a reason retrying will not change
     */
    public Instant evacuate(String vmoveId, String task) {
        VmMove move = vmove(vmoveId);
        Server server = compute.server(move.instanceUuid()).orElseThrow(() -> new EvacuationRefused(
                "Instance " + move.instanceName() + " no longer exists in Nova."));
        if (!move.sourceHost().equals(server.host()) || "rebuilding".equals(server.taskState())) {
            log.info("Instance {} is already {} ({}): not evacuating it again", server.name(),
                    "rebuilding".equals(server.taskState()) ? "being evacuated" : "on " + server.host(), vmoveId);
        } else {
            try {
                compute.evacuate(server.id(), move.targetHost());
            } catch (ComputeException e) {
                if (e.retryable()) {
                    throw e;
                }
                throw new EvacuationRefused(e.getMessage());
            }
            progress.record(move.notificationUuid(), task, "running", 0.3, "Evacuating " + server.name() + " from "
                    + move.sourceHost() + " to " + move.targetHost() + ".");
        }
        return clock.instant().plus(properties.evacuationTimeout());
    }

    public EvacuationProgressRules.Outcome check(String vmoveId, Instant deadline) {
        VmMove move = vmove(vmoveId);
        Optional<Server> server = compute.server(move.instanceUuid());
        List<org.instanceha.nova.Migration> evacuations = server.isPresent() && server.get().idle()
                && move.sourceHost().equals(server.get().host())
                ? compute.evacuationsOf(move.instanceUuid()) : List.of();
        return EvacuationProgressRules.assess(server, move.sourceHost(), evacuations, clock.instant(), deadline);
    }

    /** Gives the instance back its power state: stopped stays stopped, error returns to error; unlocks it. */
    public void restore(String vmoveId, String task) {
        VmMove move = vmove(vmoveId);
        Server server = compute.server(move.instanceUuid()).orElseThrow(() -> new EvacuationRefused(
                "Instance " + move.instanceName() + " disappeared after its evacuation."));
        if ("stopped".equals(move.originalVmState()) && "active".equals(server.vmState())) {
            compute.stop(server.id());
        } else if ("error".equals(move.originalVmState()) && !"error".equals(server.vmState())) {
            compute.resetState(server.id(), "error");
        }
        if (server.locked()) {
            compute.unlock(server.id());
        }
    }

    public void succeeded(String vmoveId, String task, String destination) {
        VmMove move = vmove(vmoveId);
        vmoves.succeeded(vmoveId, destination, UtcTime.now(clock));
        progress.record(move.notificationUuid(), task, "success", 1.0, "Evacuated " + move.instanceName() + " from "
                + move.sourceHost() + " to " + destination + ".");
    }

    public void failed(String vmoveId, String task, String message) {
        VmMove move = vmove(vmoveId);
        vmoves.failed(vmoveId, message, UtcTime.now(clock));
        try {
            compute.server(move.instanceUuid()).filter(Server::locked).ifPresent(s -> compute.unlock(s.id()));
        } catch (ComputeException e) {
            log.warn("Could not unlock {} after its failed evacuation: {}", move.instanceName(), e.getMessage());
        }
        progress.record(move.notificationUuid(), task, "error", 1.0, "Could not evacuate " + move.instanceName()
                + ": " + message);
        log.warn("Evacuation of {} ({}) failed: {}", move.instanceName(), move.instanceUuid(), message);
    }

    /** Ends the notification: finished when every instance moved, error otherwise. */
    public boolean conclude(String uuid, String task) {
        Map<String, Long> counts = vmoves.countByStatus(uuid);
        String message = VmMove.summary(counts);
        if (counts.getOrDefault(VmMove.FAILED, 0L) == 0) {
            finish(uuid, task, message);
            return true;
        }
        fail(uuid, task, message);
        return false;
    }

    private Notification notification(String uuid) {
        return notifications.findByUuid(uuid).orElseThrow(() ->
                new IllegalStateException("notification " + uuid + " does not exist"));
    }

    private VmMove vmove(String uuid) {
        return vmoves.findByUuid(uuid).orElseThrow(() -> new IllegalStateException("VM move " + uuid
                + " does not exist"));
    }

    private static JsonNode readPayload(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored payload is not JSON: " + payload, e);
        }
    }

    /** Nova refused to evacuate an instance for a reason retrying will not change. */
    public static class EvacuationRefused extends RuntimeException {
        public EvacuationRefused(String message) {
            super(message);
        }
    }
}
