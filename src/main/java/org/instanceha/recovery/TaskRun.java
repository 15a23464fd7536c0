package org.instanceha.recovery;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.instanceha.notification.ProgressState;
import org.instanceha.notification.RecoveryProgress;

/**
 * One run of a task: the variables it reads and writes, typed, and its progress, recorded under the
 * task's name in the model (its id when it has none) for the notification of the workflow.
 */
public final class TaskRun implements TaskProgress {

    private final DelegateExecution execution;
    private final RecoveryProgress progress;
    private final Set<String> reads;
    private final Set<String> writes;

    TaskRun(DelegateExecution execution, RecoveryProgress progress, Set<String> reads, Set<String> writes) {
        this.execution = execution;
        this.progress = progress;
        this.reads = reads;
        this.writes = writes;
    }

    /** A variable the task writes: one its delegate declares in {@link Writes}. */
    private void checkWrites(String name) {
        if (!writes.contains(name)) {
            throw new IllegalStateException("Task '" + taskName() + "' writes '" + name
                    + "', which its delegate does not declare in @Writes " + writes + ".");
        }
    }

    /** A variable the task reads: an input mapping of the task, else the workflow's variable. */
    private Object read(String name) {
        if (!reads.contains(name)) {
            throw new IllegalStateException("Task '" + taskName() + "' reads '" + name
                    + "', which its delegate does not declare in @Reads " + reads + ".");
        }
        return execution.getVariable(name);
    }

    /** The task's name in the model: what Cockpit and {@code recovery_workflow_details} show. */
    public String taskName() {
        String name = execution.getCurrentActivityName();
        return name != null && !name.isBlank() ? name : execution.getCurrentActivityId();
    }

    /** The workflow instance the task runs in. */
    public String processInstanceId() {
        return execution.getProcessInstanceId();
    }

    public String notificationUuid() {
        return required(WorkflowNames.NOTIFICATION_UUID);
    }

    /** A text variable, or null. */
    public String text(String name) {
        Object value = read(name);
        return value == null ? null : value.toString();
    }

    /** A text variable the task cannot do without. */
    public String required(String name) {
        String value = text(name);
        if (value == null) {
            throw new IllegalStateException("Task '" + taskName() + "' (" + execution.getCurrentActivityId()
                    + ") needs '" + name + "': fill in the field '" + name + "' of its element template (the input "
                    + "mapping of that name), or give the workflow a variable of that name before the task.");
        }
        return value;
    }

    /** A boolean variable: true only when it is set and true. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(read(name));
    }

    /** A date-typed variable. */
    public Instant instant(String name) {
        Object value = read(name);
        if (!(value instanceof Date date)) {
            throw new IllegalStateException("Task '" + taskName() + "' needs the date variable '" + name
                    + "', and the workflow has " + (value == null ? "none" : "a " + value.getClass().getSimpleName())
                    + ".");
        }
        return date.toInstant();
    }

    /**
     * Sets the variable, unless it already has that value: with Camunda's {@code full} history each write
     * is a historic detail row and an update of the historic variable as well, and "Check evacuation" sets
     * the same three values at every poll while an evacuation runs. A variable that does not exist yet is
     * always set, null included (the model's conditions read it).
     */
    public void set(String name, Object value) {
        checkWrites(name);
        if (execution.hasVariable(name) && Objects.equals(execution.getVariable(name), value)) {
            return;
        }
        execution.setVariable(name, value);
    }

    /** Sets a variable a gateway reads to its value's text, which the model's condition compares. */
    public void set(String name, GatewayValue value) {
        set(name, value == null ? null : value.variableValue());
    }

    /** Sets a date-typed variable. */
    public void setInstant(String name, Instant value) {
        checkWrites(name);
        execution.setVariable(name, Date.from(value));
    }

    /** The engine's view of the run, for what only the engine knows (the business key, the instance id). */
    DelegateExecution execution() {
        return execution;
    }

    @Override
    public void record(ProgressState state, double value, String message) {
        progress.record(notificationUuid(), taskName(), state, value, message);
    }
}
