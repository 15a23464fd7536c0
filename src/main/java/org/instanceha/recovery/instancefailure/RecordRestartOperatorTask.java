package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.instanceha.common.UtcTime;
import org.instanceha.vmove.InstanceRestartRepository;
import org.springframework.stereotype.Component;

/**
 * Listener on the creation of "Restart ... by hand": the attempt records the user task that waits for an
 * operator, so that the notification page links to it and the notification list can show the notifications
 * with open tasks. Reads {@code restartId}.
 */
@Component
public class RecordRestartOperatorTask implements TaskListener {

    private final InstanceRestartRepository restarts;
    private final Clock clock;

    RecordRestartOperatorTask(InstanceRestartRepository restarts, Clock clock) {
        this.restarts = restarts;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        restarts.handedOver((String) task.getVariable(RESTART_ID), task.getId(), UtcTime.now(clock));
    }
}
