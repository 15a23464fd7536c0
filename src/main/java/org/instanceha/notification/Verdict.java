package org.instanceha.notification;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What the host monitor's reading of one host's signals says, and what each verdict leads to once confirmed: a
 * notification of the kind {@link FailureReports} makes of it. It lives here, beside the intake, because it
 * travels from the monitor through a mass failure's approval to the intake, and the engine may not use the
 * monitor's package.
 */
public enum Verdict {
    /** Nova's heartbeat is fresh and nothing else is wrong: nothing to do. */
    HEALTHY("healthy"),
    /** Its heartbeat is fresh but its management address went silent: its BMC is read at once. */
    SUSPECT("suspect"),
    /**
     * Its BMC says the power is off, and its own signals agree (its management address went silent, or its
     * heartbeat is stale): a power loss, already fenced (report NORMAL).
     */
    FENCED("fenced"),
    /**
     * Its BMC says the power is off, but the host lives by its own signals (its management address answers, or it
     * has none and its heartbeat is fresh): a confused or spoofed BMC. Nothing is reported; the BMC is read again
     * in the next cycle, which decides anew.
     */
    BMC_DISAGREES("BMC and host disagree"),
    /**
     * Its heartbeat is stale, its management address silent (or none), its BMC on or unreachable; or its heartbeat
     * is late (several of Nova's report intervals old), its management address silent and its BMC on: a hung host.
     * Failed and not fenced (report UNKNOWN: the workflow fences it, or asks an operator).
     */
    FAILED("failed"),
    /** Its heartbeat is stale but its management address answers: only nova-compute is down (report PROCESS). */
    PROCESS_DOWN("process down"),
    /**
     * Its signals could not be read (its BMC's settings cannot be used, its stored password no longer opens, its
     * management address is no address): it is not judged, and nothing is reported for it, until they can; the
     * other hosts are judged as usual.
     */
    CANNOT_JUDGE("cannot judge"),
    /** Its heartbeat is stale and it has neither a BMC nor a management address: nothing can tell it is off. */
    NOT_PROTECTABLE("not protectable");

    private final String shown;

    Verdict(String shown) {
        this.shown = shown;
    }

    public String shown() {
        return shown;
    }

    /**
     * The verdict of this name ({@code FAILED}), or shown as these words ({@code failed}: what an approval opened
     * before verdicts travelled by name holds).
     *
     * @throws IllegalArgumentException for anything else
     */
    @JsonCreator
    public static Verdict of(String nameOrWords) {
        for (Verdict v : values()) {
            if (v.name().equals(nameOrWords) || v.shown.equals(nameOrWords)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a verdict: " + nameOrWords);
    }

    /** Whether this verdict means that Nova's heartbeat of the host is stale. */
    public boolean staleHeartbeat() {
        return this == FAILED || this == PROCESS_DOWN || this == NOT_PROTECTABLE;
    }

    /** Whether, once confirmed, this verdict is reported (or put to the operators). */
    public boolean reported() {
        return this == FENCED || this == FAILED || this == PROCESS_DOWN;
    }
}
