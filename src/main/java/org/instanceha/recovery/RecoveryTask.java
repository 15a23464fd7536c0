package org.instanceha.recovery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import java.util.Set;

import org.instanceha.notification.RecoveryProgress;
import org.springframework.util.ClassUtils;

/**
 * A service task of a recovery workflow. Subclasses are named like their task in the model, do one
 * thing, and read and write variables through {@link TaskRun}, which records their progress under
 * the task's name (the idea of Masakari's {@code MasakariTask.update_details}). Each declares the
 * variables it reads with {@link Reads}.
 */
public abstract class RecoveryTask implements JavaDelegate {

    private final RecoveryProgress progress;
    private final Set<String> reads;

    protected RecoveryTask(RecoveryProgress progress) {
        this.progress = progress;
        this.reads = reads(getClass());
    }

    /** The variables a delegate class declares it reads ({@link Reads}); empty without the annotation. */
    public static Set<String> reads(Class<?> type) {
        Reads declared = ClassUtils.getUserClass(type).getAnnotation(Reads.class);
        return declared == null ? Set.of() : Set.of(declared.value());
    }

    @Override
    public final void execute(DelegateExecution execution) {
        run(new TaskRun(execution, progress, reads));
    }

    protected abstract void run(TaskRun task);
}
