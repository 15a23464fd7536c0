package org.instanceha.recovery.processfailure;

import static org.instanceha.recovery.WorkflowNames.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.WorkflowNames;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.springframework.stereotype.Component;

/**
 * "Put host on maintenance": the host whose process stopped is {@code on_maintenance} (and no longer
 * reserved): its monitors' further reports are refused with 409 until an operator clears it, as in Masakari.
 */
@Reads({"notificationUuid", "hostname"})
@Component
public class PutHostOnMaintenance extends RecoveryTask {

    private final HostRepository hosts;
    private final Clock clock;

    PutHostOnMaintenance(RecoveryProgress progress, HostRepository hosts, Clock clock) {
        super(progress);
        this.hosts = hosts;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String name = task.required(HOSTNAME);
        Host host = hosts.findByName(name).orElseThrow(() -> new IllegalStateException("host " + name
                + " is no longer in any segment"));
        hosts.putOnMaintenance(host.id(), UtcTime.now(clock));
        task.success("Host " + name + " is on maintenance from now on" + (host.reserved()
                ? " and no longer reserved" : "") + ".");
    }
}
