package org.instanceha.recovery.hostfailure;

import static org.instanceha.recovery.WorkflowNames.*;

import org.instanceha.fencing.Bmc;
import org.instanceha.fencing.Fencing;
import org.instanceha.fencing.FencingException;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.segment.BmcCredentials;
import org.instanceha.segment.HostRepository;
import org.springframework.stereotype.Component;

/**
 * "Power host on": once every instance of the failed host is evacuated, powers it on again through its BMC, for
 * clouds that want that ({@code instanceha.fencing.power-on-after-recovery}). The host stays on maintenance and
 * its nova-compute forced down and disabled: nothing is scheduled onto it until an operator brings it back. A BMC
 * that does not do it is reported, and the recovery still ends {@code finished}: its instances are safe.
 */
@Reads({"notificationUuid", "hostname"})
@Component
public class PowerHostOn extends RecoveryTask {

    private final NotificationRepository notifications;
    private final HostRepository hosts;
    private final BmcCredentials credentials;
    private final Fencing fencing;

    public PowerHostOn(RecoveryProgress progress, NotificationRepository notifications, HostRepository hosts,
                       BmcCredentials credentials, Fencing fencing) {
        super(progress);
        this.notifications = notifications;
        this.hosts = hosts;
        this.credentials = credentials;
        this.fencing = fencing;
    }

    @Override
    protected void run(TaskRun task) {
        String hostname = task.required(HOSTNAME);
        Bmc bmc = hosts.findByUuid(notifications.require(task.notificationUuid()).sourceHostUuid())
                .flatMap(credentials::of).orElse(null);
        if (bmc == null) {
            task.success("Host " + hostname + " has no BMC any more: it stays as it is.");
            return;
        }
        try {
            fencing.powerOn(bmc);
            task.success("Powered " + hostname + " on through its BMC (" + bmc.summary() + "); it stays on "
                    + "maintenance, its nova-compute forced down and disabled, until an operator brings it back.");
        } catch (FencingException e) {
            task.error("Could not power " + hostname + " on: " + e.failure().shown() + ". " + e.getMessage()
                    + " Its instances are recovered; power it on by hand.");
        }
    }
}
