package org.instanceha.segment;

import java.time.LocalDateTime;

import org.instanceha.common.FieldRules;

/**
 * A segment's policy, instance-ha's settings beside Masakari's segment fields: what happens to a recovered host
 * once it is healthy again ({@code return_to_service}), whether the instances its recovery moved go home then
 * ({@code failback}), and how many failures of which kind the segment's free room must absorb
 * ({@code failures_to_tolerate} of {@code failure_domain}: the recovery plan's tolerance and its alert), and how
 * each kind of instance is recovered ({@link EvacuationPolicy}). {@code updatedAt} is null for a segment that
 * keeps the defaults.
 */
public record SegmentPolicy(ReturnToService returnToService, boolean failback, int failuresToTolerate,
                            FailureDomain failureDomain, EvacuationPolicy evacuation, LocalDateTime updatedAt) {

    /** The most failures a policy may ask to tolerate ({@code failures_to_tolerate} 0 to 3). */
    public static final int MAX_FAILURES_TO_TOLERATE = 3;

    public static final SegmentPolicy DEFAULTS = new SegmentPolicy(ReturnToService.AUTO, false, 1, FailureDomain.HOST,
            EvacuationPolicy.DEFAULTS, null);

    /** This policy with the given changes (null: unchanged). */
    public SegmentPolicy with(Changes changes, LocalDateTime now) {
        return new SegmentPolicy(
                changes.returnToService() != null ? changes.returnToService() : returnToService,
                changes.failback() != null ? changes.failback() : failback,
                changes.failuresToTolerate() != null ? changes.failuresToTolerate() : failuresToTolerate,
                changes.failureDomain() != null ? changes.failureDomain() : failureDomain,
                evacuation.with(changes.evacuation()), now);
    }

    /**
     * A policy update: each field null when the request leaves it as it is. A {@code failuresToTolerate} outside 0 to
     * {@value #MAX_FAILURES_TO_TOLERATE} is refused here, in the words of the API's schema, for the API and the
     * dashboard alike; {@code evacuation} holds the changes of the {@link EvacuationPolicy} (never null).
     */
    public record Changes(ReturnToService returnToService, Boolean failback, Integer failuresToTolerate,
                          FailureDomain failureDomain, EvacuationPolicy.Changes evacuation) {

        public Changes {
            evacuation = evacuation == null ? EvacuationPolicy.Changes.NONE : evacuation;
            if (failuresToTolerate != null && failuresToTolerate < 0) {
                throw FieldRules.invalid("failures_to_tolerate", failuresToTolerate.toString(),
                        failuresToTolerate + " is less than the minimum of 0");
            }
            if (failuresToTolerate != null && failuresToTolerate > MAX_FAILURES_TO_TOLERATE) {
                throw FieldRules.invalid("failures_to_tolerate", failuresToTolerate.toString(),
                        failuresToTolerate + " is greater than the maximum of " + MAX_FAILURES_TO_TOLERATE);
            }
        }

        public Changes(ReturnToService returnToService, Boolean failback, Integer failuresToTolerate,
                       FailureDomain failureDomain) {
            this(returnToService, failback, failuresToTolerate, failureDomain, null);
        }

        public Changes(ReturnToService returnToService, Boolean failback) {
            this(returnToService, failback, null, null, null);
        }
    }
}
