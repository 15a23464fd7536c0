package org.instanceha.notification;

import java.util.Locale;

/** A notification's lifecycle, with Masakari's wire names. */
public enum NotificationStatus {
    NEW, RUNNING, ERROR, FAILED, IGNORED, FINISHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
