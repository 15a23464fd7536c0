package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.util.List;

import org.instanceha.notification.ActiveNotifications;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.springframework.stereotype.Component;

/**
 * "Check segment quiet", a gate: no other recovery of the host's segment runs now. A host coming back while
 * another is being recovered would change the room that recovery planned with.
 */
@Reads({"notificationUuid", "hostname"})
@Writes({"segmentQuiet"})
@Component
public class CheckSegmentQuiet extends RecoveryTask {

    private final HostRepository hosts;
    private final ActiveNotifications active;

    public CheckSegmentQuiet(RecoveryProgress progress, HostRepository hosts, ActiveNotifications active) {
        super(progress);
        this.hosts = hosts;
        this.active = active;
    }

    @Override
    protected void run(TaskRun task) {
        String name = task.required(HOSTNAME);
        Host host = hosts.findByName(name).orElseThrow(() -> new IllegalStateException("host " + name
                + " is no longer registered"));
        List<String> running = active.runningInSegment(host.segment().uuid());
        task.set(SEGMENT_QUIET, running.isEmpty());
        if (running.isEmpty()) {
            task.success("No other recovery runs in segment " + host.segment().name() + ".");
        } else {
            task.running(0.7, "Segment " + host.segment().name() + " is recovering " + String.join(", ", running)
                    + ": " + name + " returns once that has ended.");
        }
    }
}
