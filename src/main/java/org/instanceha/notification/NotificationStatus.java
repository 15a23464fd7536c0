package org.instanceha.notification;

import java.util.Locale;

/** A notification's lifecycle, with Masakari's wire names. */
public enum NotificationStatus {
    NEW, RUNNING, ERROR, FAILED, IGNORED, FINISHED;

    /**
     * Whether a recovery ends in this status: the workflow has done all it can (an {@code error} may still be
     * retried by the sweep, or wait for an operator's decision).
     */
    public boolean isFinal() {
        return switch (this) {
            case FINISHED, ERROR, FAILED, IGNORED -> true;
            case NEW, RUNNING -> false;
        };
    }

    /** The wire names of the statuses a recovery ends in ({@link #isFinal()}). */
    public static java.util.List<String> finalWireNames() {
        return java.util.Arrays.stream(values()).filter(NotificationStatus::isFinal)
                .map(NotificationStatus::wireName).toList();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
