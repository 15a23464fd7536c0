package org.instanceha.common;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamps are stored and shown in UTC without a zone, to the microsecond, as Masakari does. */
public final class UtcTime {

    /** Masakari's wire format: {@code 2026-11-25T18:07:04.000000}. */
    public static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private UtcTime() {
    }

    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(LocalDateTime time) {
        return time == null ? null : WIRE.format(time);
    }
}
