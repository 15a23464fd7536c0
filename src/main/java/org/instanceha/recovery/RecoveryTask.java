package org.instanceha.recovery;

import java.time.Duration;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.CallDeadline;
import org.springframework.util.ClassUtils;

/**
 * A service task of a recovery workflow. Subclasses are named like their task in the model, do one
 * thing, and read and write variables through {@link TaskRun}, which records their progress under
 * the task's name (the idea of Masakari's {@code MasakariTask.update_details}). Each declares the
 * variables it reads with {@link Reads} and those it writes with {@link Writes}.
 *
 * <p>In a job, the task's calls to Keystone and Nova end before the job's lock does, less
 * {@link #COMMIT_MARGIN} for the job's own writes ({@link CallDeadline}): a job never outlives its lock,
 * so no other node takes it while it still runs, and the lock time can stay short (a node that dies
 * holds its jobs only that long).
 */
public abstract class RecoveryTask implements JavaDelegate {

    private final RecoveryProgress progress;
    private final Set<String> reads;
    private final Set<String> writes;

    protected RecoveryTask(RecoveryProgress progress) {
        this.progress = progress;
        this.reads = reads(getClass());
        this.writes = writes(getClass());
    }

    /** The variables a delegate class declares it reads ({@link Reads}); empty without the annotation. */
    public static Set<String> reads(Class<?> type) {
        Reads declared = ClassUtils.getUserClass(type).getAnnotation(Reads.class);
        return declared == null ? Set.of() : Set.of(declared.value());
    }

    /** The variables a delegate class declares it writes ({@link Writes}); empty without the annotation. */
    public static Set<String> writes(Class<?> type) {
        Writes declared = ClassUtils.getUserClass(type).getAnnotation(Writes.class);
        return declared == null ? Set.of() : Set.of(declared.value());
    }

    /** What a job keeps of its lock time for its writes and commit after its last call to Nova. */
    static final Duration COMMIT_MARGIN = Duration.ofSeconds(2);

    @Override
    public final void execute(DelegateExecution execution) {
        TaskRun task = new TaskRun(execution, progress, reads, writes);
        Date lockEnds = currentJobLockExpiry();
        if (lockEnds == null) {
            run(task);
            return;
        }
        Duration left = Duration.ofMillis(lockEnds.getTime() - ClockUtil.getCurrentTime().getTime()).minus(COMMIT_MARGIN);
        CallDeadline.within(left, () -> {
            run(task);
            return null;
        });
    }

    /** When the lock of the job this thread executes runs out; null outside of the job executor. */
    private static Date currentJobLockExpiry() {
        JobExecutorContext context = Context.getJobExecutorContext();
        JobEntity job = context == null ? null : context.getCurrentJob();
        return job == null ? null : job.getLockExpirationTime();
    }

    protected abstract void run(TaskRun task);
}
