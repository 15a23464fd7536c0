package org.instanceha.nova;

import java.time.Instant;
import java.util.List;

/**
 * Nova's nova-compute services as one answer gave them, and when it gave them by Nova's own clock (the
 * {@code Date} of its API's answer, or its freshest heartbeat when it sends no Date; null when it has neither): a
 * heartbeat's age is judged against that clock, not ours.
 */
public record NovaServiceList(Instant novaDate, List<ComputeServiceInfo> services) {
}
