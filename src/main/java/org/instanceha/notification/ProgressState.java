package org.instanceha.notification;

import java.util.Arrays;
import java.util.Locale;

/**
 * The state of one progress entry of a workflow task, stored under its wire name and shown by the API
 * as Masakari shows a task's state ({@code RUNNING}, {@code SUCCESS}, ...). Every run of a task that
 * records anything ends with a final entry: {@code SUCCESS}, {@code SKIPPED} or {@code ERROR}.
 */
public enum ProgressState {
    RUNNING, SUCCESS, SKIPPED, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != RUNNING;
    }

    /** The state of the entry that records a notification's end: finished, ignored, or else an error. */
    public static ProgressState ofEnding(NotificationStatus status) {
        return switch (status) {
            case FINISHED -> SUCCESS;
            case IGNORED -> SKIPPED;
            default -> ERROR;
        };
    }

    /** The stored value of a column that only we write. */
    static ProgressState stored(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown progress state " + value));
    }
}
