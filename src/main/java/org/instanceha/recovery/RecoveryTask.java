package org.instanceha.recovery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.instanceha.notification.RecoveryProgress;

/**
 * A service task of a recovery workflow. Subclasses are named like their task in the model, do one
 * thing, and read and write variables through {@link TaskRun}, which records their progress under
 * the task's name (the idea of Masakari's {@code MasakariTask.update_details}).
 */
public abstract class RecoveryTask implements JavaDelegate {

    private final RecoveryProgress progress;

    protected RecoveryTask(RecoveryProgress progress) {
        this.progress = progress;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        run(new TaskRun(execution, progress));
    }

    protected abstract void run(TaskRun task);
}
