package org.instanceha.segment;

/** A validated request to register a host in a segment. */
public record HostDraft(String name, String type, String controlAttributes, boolean reserved, boolean onMaintenance,
                        int priority) {

    /** As a log line shows it: a BMC's password masked. */
    @Override
    public String toString() {
        return "HostDraft[name=" + name + ", type=" + type + ", controlAttributes="
                + ControlAttributes.masked(controlAttributes) + ", reserved=" + reserved + ", onMaintenance="
                + onMaintenance + ", priority=" + priority + "]";
    }
}
