package org.instanceha.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workflow task of a notification as Masakari's {@code recovery_workflow_details} shows it: its
 * name, its state, its progress and its messages in order. A task that runs once per instance has one
 * entry with a message per instance. Its state is {@code ERROR} when any run ended in error, otherwise
 * the state of its newest entry; its progress is the highest it reached. Since every run of a task
 * ends with a final entry, a task is {@code RUNNING} only while one of its runs is. Plain Java.
 */
public record TaskDetails(String name, ProgressState state, double progress, List<RecoveryProgress.Entry> entries) {

    /** The tasks in the order they first recorded something. */
    public static List<TaskDetails> of(List<RecoveryProgress.Entry> entries) {
        Map<String, List<RecoveryProgress.Entry>> byTask = new LinkedHashMap<>();
        for (RecoveryProgress.Entry entry : entries) {
            byTask.computeIfAbsent(entry.taskName(), name -> new ArrayList<>()).add(entry);
        }
        List<TaskDetails> tasks = new ArrayList<>();
        byTask.forEach((name, own) -> {
            boolean failed = own.stream().anyMatch(e -> e.state() == ProgressState.ERROR);
            ProgressState state = failed ? ProgressState.ERROR : own.get(own.size() - 1).state();
            double progress = own.stream().mapToDouble(RecoveryProgress.Entry::progress).max().orElse(0.0);
            tasks.add(new TaskDetails(name, state, progress, List.copyOf(own)));
        });
        return List.copyOf(tasks);
    }
}
