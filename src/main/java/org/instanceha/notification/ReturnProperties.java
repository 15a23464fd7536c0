package org.instanceha.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.returning.*}: how a recovered host comes back into service (the segment's policy says whether).
 *
 * @param healthyCycles how many host monitor cycles in a row a recovered host must look healthy (a fresh
 *                      nova-compute heartbeat, its management address answering, its BMC On) before "Return host
 *                      to service" starts
 * @param pollInterval  how often that workflow looks again at a gate that is not passed yet
 * @param alertAfter    a host still out of service this long after it came back raises an alert
 * @param heartbeatMaxAge while it returns, a nova-compute heartbeat older than this (by Nova's clock) means the
 *                      host failed again: the return ends and the host stays out
 * @param failbackParallel with the segment's policy {@code failback: true}, at most this many instances live-migrate
 *                      home at once (per returning host)
 * @param failbackTimeout a live migration home not finished within this time is recorded failed
 */
@ConfigurationProperties("instanceha.returning")
public record ReturnProperties(@DefaultValue("3") int healthyCycles,
                               @DefaultValue("10s") Duration pollInterval,
                               @DefaultValue("10m") Duration alertAfter,
                               @DefaultValue("30s") Duration heartbeatMaxAge,
                               @DefaultValue("2") int failbackParallel,
                               @DefaultValue("10m") Duration failbackTimeout) {
}
