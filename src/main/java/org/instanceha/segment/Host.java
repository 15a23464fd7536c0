package org.instanceha.segment;

import java.time.LocalDateTime;

import org.instanceha.fencing.Bmc;

/**
 * A compute host registered in a failover segment. Its name is the Nova compute service host;
 * {@code priority} orders hosts for {@code auto_priority} recovery (higher first).
 */
public record Host(
        long id,
        String uuid,
        String name,
        Segment segment,
        String type,
        String controlAttributes,
        boolean reserved,
        boolean onMaintenance,
        int priority,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        LocalDateTime deletedAt,
        boolean deleted) {

    /**
     * Whether it has a BMC that fencing can power it off with; not when its stored control attributes cannot be
     * read (an older version's value, say): whoever needs the BMC then says why ({@link BmcCredentials#of}).
     */
    public boolean fenceable() {
        try {
            return ControlAttributes.bmc(controlAttributes).isPresent();
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The host's BMC in a few words (protocol, user, address), or why there is none; never its password. */
    public String bmcSummary() {
        try {
            return ControlAttributes.bmc(controlAttributes).map(Bmc::summary)
                    .orElse("none: this host cannot be fenced");
        } catch (RuntimeException unreadable) {
            return "its stored settings cannot be used: " + unreadable.getMessage();
        }
    }

    /** {@code control_attributes} as operators see them: a BMC's password masked ({@link ControlAttributes}). */
    public String shownControlAttributes() {
        return ControlAttributes.masked(controlAttributes);
    }

    /** As a log line shows it: a BMC's password masked. */
    @Override
    public String toString() {
        return "Host[" + name + " (" + uuid + "), type " + type + ", control_attributes "
                + ControlAttributes.masked(controlAttributes) + ", reserved " + reserved + ", on maintenance "
                + onMaintenance + "]";
    }
}
