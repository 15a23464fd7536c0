package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.util.List;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Migration;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.springframework.stereotype.Component;

/**
 * "Check leftovers gone", a gate: the host's old copies of the instances evacuated off it are deleted. Nova
 * deletes them when nova-compute starts on the host and then sets each evacuation record {@code completed}; one
 * still {@code done} ({@link ReturnRules#leftOver}) is a copy nova-compute has not deleted (it was evacuated after
 * nova-compute started): starting its guest again would run the instance twice.
 */
@Reads({"notificationUuid", "hostname"})
@Writes({"leftoversGone"})
@Component
public class CheckLeftoversGone extends RecoveryTask {

    private final Compute compute;

    public CheckLeftoversGone(RecoveryProgress progress, Compute compute) {
        super(progress);
        this.compute = compute;
    }

    @Override
    protected void run(TaskRun task) {
        String host = task.required(HOSTNAME);
        List<Migration> leftOver = compute.evacuationsFrom(host).stream().filter(ReturnRules::leftOver).toList();
        task.set(LEFTOVERS_GONE, leftOver.isEmpty());
        if (leftOver.isEmpty()) {
            task.success("nova-compute on " + host + " deleted its copies of the instances evacuated off it.");
        } else {
            task.running(0.5, leftOver.size() + " instance(s) evacuated off " + host + " still have their old copy "
                    + "there (" + ReturnRules.describe(leftOver) + ", evacuation 'done', not 'completed'): restart "
                    + "nova-compute on " + host + ", which deletes them as it starts.");
        }
    }
}
