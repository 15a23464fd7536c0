package org.instanceha.recovery.hostfailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.hostfailure.HostFailureRecovery.*;
import static org.instanceha.recovery.operator.OperatorTasks.OPERATOR_GROUP;

import java.util.List;
import java.util.stream.Collectors;

import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.ComputeServiceInfo;
import org.instanceha.nova.Server;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.springframework.stereotype.Component;

/**
 * "Describe host for operator": what the operator who must confirm that a host is off needs on the form of
 * "Confirm ... is powered off", besides what its BMC answered ({@code fencingEvidence}): the BMC, Nova's view of
 * the host's nova-compute (state, last heartbeat) and the instances that wait. Nova not answering does not stop
 * the question: the form says so.
 */
@Reads({"notificationUuid", "hostname"})
@Writes({"bmcSummary", "novaServiceSummary", "instancesWaiting", "operatorGroup"})
@Component
public class DescribeHostForOperator extends RecoveryTask {

    /** At most this many instance names on the form; the count is always there. */
    static final int NAMES_SHOWN = 50;

    private final NotificationRepository notifications;
    private final HostRepository hosts;
    private final Compute compute;
    private final RecoveryProperties properties;

    public DescribeHostForOperator(RecoveryProgress progress, NotificationRepository notifications,
                                   HostRepository hosts, Compute compute, RecoveryProperties properties) {
        super(progress);
        this.notifications = notifications;
        this.hosts = hosts;
        this.compute = compute;
        this.properties = properties;
    }

    @Override
    protected void run(TaskRun task) {
        String hostname = task.required(HOSTNAME);
        task.set(BMC_SUMMARY, hosts.findByUuid(notifications.require(task.notificationUuid()).sourceHostUuid())
                .map(Host::bmcSummary).orElse("none"));
        String service;
        String waiting;
        try {
            service = compute.computeService(hostname).map(ComputeServiceInfo::summary)
                    .orElse("Nova has no nova-compute service on " + hostname);
            List<Server> servers = compute.serversOnHost(hostname);
            waiting = servers.size() + " instance(s)" + (servers.isEmpty() ? "" : ": " + servers.stream()
                    .limit(NAMES_SHOWN).map(s -> s.name() + " (" + s.id() + ")").collect(Collectors.joining(", "))
                    + (servers.size() > NAMES_SHOWN ? ", ..." : ""));
        } catch (ComputeException e) {
            service = "Nova did not answer: " + e.getMessage();
            waiting = "unknown: Nova did not answer";
        }
        task.set(NOVA_SERVICE_SUMMARY, service);
        task.set(INSTANCES_WAITING, waiting);
        task.set(OPERATOR_GROUP, properties.operatorGroup());
        task.success("Asked the operators (group " + properties.operatorGroup() + ") to confirm that " + hostname
                + " is powered off. Nova: " + service + ".");
    }
}
