package org.instanceha.recovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.recovery.*}.
 *
 * @param forceDown                      force the failed host's nova-compute down when fencing is confirmed
 *                                       (host_status NORMAL); off: wait until Nova reports it down
 * @param serviceDownTimeout             without force-down, how long to wait for Nova to report the service down
 * @param serviceDownPollInterval        without force-down, how often to ask
 * @param evacuateAllInstances           evacuate instances without {@code HA_Enabled=True} metadata too
 * @param ignoreInstancesInErrorState    leave instances in error where they are
 * @param maxParallelEvacuations         evacuations of one notification in flight at once
 * @param evacuationPollInterval         how often an evacuation in progress is checked
 * @param evacuationWatchInterval        how often a node looks at Nova for all its evacuations in flight, waking
 *                                       the check of each one that settled (0: only the checks look)
 * @param evacuationTimeout              an evacuation not settled after this long has failed
 * @param slotWaitInterval               how long an instance waits for a free evacuation slot before asking again
 *                                       if no freed slot woke it first ({@link SlotWakeUp})
 * @param addReservedHostToAggregate     add a reserved host taken into use to the failed host's aggregates
 * @param novaRetryCycle                 how a task that calls Nova is retried when Nova fails (ISO 8601
 *                                       repeat: R5/PT10S is five more tries, ten seconds apart), then an incident
 * @param automaticRetries               how often a failed evacuation is retried on its own, each time on a newly
 *                                       planned target other than those that failed, before an operator is asked
 * @param retryDelay                     how long after a failed evacuation its automatic retry starts
 * @param operatorGroup                  the Camunda group whose members get the user task "Recover ... by hand"
 * @param planCacheTime                  how long one look at Nova serves the recovery plans (API and dashboard)
 *                                       before Nova is asked again
 * @param strandedCheckInterval          how often each node looks for notifications still new or running whose
 *                                       workflow is gone (cancelled in Cockpit, say) and settles them; 0: never
 * @param maxParallelEvacuationsTotal   evacuations in flight at once over all notifications, counted in the
 *                                       database so that it holds across engine nodes (a rack failure must not
 *                                       storm Nova and the storage behind it); 0: no bound
 * @param maxParallelEvacuationsPerTarget evacuations in flight at once to one target host, over all notifications
 *                                       (a nova-compute rebuilds nearly one after another: more in flight only
 *                                       wait there); 0: no bound
 * @param capacityClaimGrace             how long a planned evacuation's claim on its target's room outlives
 *                                       Nova's acceptance: Nova's hypervisor figures count it once the
 *                                       destination's resource tracker has claimed it, a moment after the API's
 *                                       202 (the simulator counts it at once: 0 there)
 * @param protectionMetricsInterval      how often the segments' protection gauges (headroom, unprotected
 *                                       instances, hosts whose instances would not fit) are computed from one
 *                                       look at Nova; 0: never
 * @param tierTimeout                    an instance waits at most this long per earlier restart tier (server
 *                                       metadata {@code instanceha:priority}) for that tier's instances to settle
 * @param tierPollInterval               how often an instance that waits for earlier tiers looks again
 * @param warmUp                         at start, make a recovery's reads of Nova once, so that the first recovery
 *                                       does not run cold code ({@link RecoveryPathWarmUp})
 */
@ConfigurationProperties("instanceha.recovery")
public record RecoveryProperties(
        @DefaultValue("true") boolean forceDown,
        @DefaultValue("5m") Duration serviceDownTimeout,
        @DefaultValue("10s") Duration serviceDownPollInterval,
        @DefaultValue("true") boolean evacuateAllInstances,
        @DefaultValue("false") boolean ignoreInstancesInErrorState,
        @DefaultValue("10") int maxParallelEvacuations,
        @DefaultValue("1s") Duration evacuationPollInterval,
        @DefaultValue("250ms") Duration evacuationWatchInterval,
        @DefaultValue("10m") Duration evacuationTimeout,
        @DefaultValue("10s") Duration slotWaitInterval,
        @DefaultValue("false") boolean addReservedHostToAggregate,
        @DefaultValue("R5/PT10S") String novaRetryCycle,
        @DefaultValue("1") int automaticRetries,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("ha-operators") String operatorGroup,
        @DefaultValue("1m") Duration strandedCheckInterval,
        @DefaultValue("10s") Duration planCacheTime,
        @DefaultValue("30s") Duration protectionMetricsInterval,
        @DefaultValue("50") int maxParallelEvacuationsTotal,
        @DefaultValue("0") int maxParallelEvacuationsPerTarget,
        @DefaultValue("3s") Duration capacityClaimGrace,
        @DefaultValue("2m") Duration tierTimeout,
        @DefaultValue("1s") Duration tierPollInterval,
        @DefaultValue("true") boolean warmUp) {
}
