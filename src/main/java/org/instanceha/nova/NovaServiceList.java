package org.instanceha.nova;

import java.time.Instant;
import java.util.List;

/**
 * Nova's nova-compute services as one answer gave them, and when it gave them by Nova's own clock (the
 * {@code Date} of its API's answer, or its freshest heartbeat when it sends no Date; null when it has neither): a
 * heartbeat's age is judged against that clock, not ours.
 */
public record NovaServiceList(Instant novaDate, List<ComputeServiceInfo> services) {

    /**
     * Nova's clock at its answer: the {@code Date} it stamped on it; without one (nova-api under uwsgi sends none),
     * its freshest heartbeat, the {@code updated_at} Nova itself wrote last; null when there is neither.
     */
    static NovaServiceList of(String dateHeader, List<ComputeServiceInfo> services) {
        return new NovaServiceList(novaClock(dateHeader, services), services);
    }

    static Instant novaClock(String dateHeader, List<ComputeServiceInfo> services) {
        try {
            if (dateHeader != null) {
                return java.time.ZonedDateTime.parse(dateHeader, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            }
        } catch (java.time.format.DateTimeParseException e) {
            // unreadable: as if there were none
        }
        return services.stream().map(ComputeServiceInfo::updatedAt).filter(java.util.Objects::nonNull)
                .map(u -> java.time.LocalDateTime.parse(u).toInstant(java.time.ZoneOffset.UTC))
                .max(java.util.Comparator.naturalOrder()).orElse(null);
    }
}
