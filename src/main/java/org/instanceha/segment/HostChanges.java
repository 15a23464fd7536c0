package org.instanceha.segment;

/** A validated partial update of a host; a null field stays as it is. */
public record HostChanges(String name, String type, String controlAttributes, Boolean reserved,
                          Boolean onMaintenance, Integer priority) {

    /** As a log line shows it: a BMC's password masked. */
    @Override
    public String toString() {
        return "HostChanges[name=" + name + ", type=" + type + ", controlAttributes="
                + ControlAttributes.masked(controlAttributes) + ", reserved=" + reserved + ", onMaintenance="
                + onMaintenance + ", priority=" + priority + "]";
    }
}
