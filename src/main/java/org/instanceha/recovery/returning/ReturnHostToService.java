package org.instanceha.recovery.returning;

import org.instanceha.recovery.GatewayValue;

/**
 * Names of {@code return-host-to-service.bpmn} beyond those every workflow shares ({@code WorkflowNames}): the
 * host monitor starts it with {@code notificationUuid} (the recovery that took the host out, also the business
 * key), {@code hostname}, {@code returnId} and {@code returnPollInterval}.
 */
public final class ReturnHostToService {

    public static final String RETURN_ID = "returnId";
    public static final String RETURN_POLL_INTERVAL = "returnPollInterval";
    /** The form of "Return &lt;host&gt; to service?". */
    public static final String RETURN_FORM = "approve-return-to-service";

    // Set by "Register return".
    /** One of {@link Step}'s values. */
    public static final String RETURN_STEP = "returnStep";
    public static final String KEEP_OUT_REASON = "keepOutReason";
    /** The segment's policy says the instances the recovery moved go home once the host is back. */
    public static final String FAILBACK = "failback";

    // Set by "Plan failback" and "Fail back instances".
    public static final String FAILBACK_PLANNED = "failbackPlanned";
    public static final String FAILBACK_DONE = "failbackDone";

    // Set by the checks, each read by its gateway.
    public static final String HOST_ALIVE = "hostAlive";
    public static final String EVACUATIONS_SETTLED = "evacuationsSettled";
    public static final String LEFTOVERS_GONE = "leftoversGone";
    public static final String SEGMENT_QUIET = "segmentQuiet";

    /** What "Register return" decided from the segment's policy. */
    public enum Step implements GatewayValue {
        /** return_to_service auto: straight to the gates. */
        RETURN("return"),
        /** return_to_service ask: an operator decides first. */
        ASK("ask"),
        /** return_to_service never (set since the monitor started it): the host stays out. */
        KEEP_OUT("keep_out");

        private final String value;

        Step(String value) {
            this.value = value;
        }

        @Override
        public String variableValue() {
            return value;
        }
    }

    private ReturnHostToService() {
    }
}
