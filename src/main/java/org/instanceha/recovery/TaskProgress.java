package org.instanceha.recovery;

import org.instanceha.notification.ProgressState;

/**
 * What a task reports about the notification it works for, in the operator's words; it lands in
 * {@code recovery_workflow_details} under the task's name. A run that reports anything ends with a
 * final report ({@link #success}, {@link #skipped} or {@link #error}); {@link #running} is for the
 * steps before it.
 */
public interface TaskProgress {

    /** Reports nothing: for calling a task's work from outside a workflow. */
    TaskProgress NONE = (state, progress, message) -> { };

    void record(ProgressState state, double progress, String message);

    default void running(double progress, String message) {
        record(ProgressState.RUNNING, progress, message);
    }

    default void success(String message) {
        record(ProgressState.SUCCESS, 1.0, message);
    }

    default void error(String message) {
        record(ProgressState.ERROR, 1.0, message);
    }
}
