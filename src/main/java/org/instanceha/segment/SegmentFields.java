package org.instanceha.segment;

import java.util.regex.Pattern;

import org.instanceha.common.FieldRules;

/**
 * The rules of each field of a segment and of a host, whoever sends it (the v1 API or a dashboard
 * form), with Masakari's messages. Plain Java: callers hand over the values they read.
 */
public final class SegmentFields {

    /** A host's {@code type}: letters and digits. */
    public static final Pattern HOST_TYPE = Pattern.compile("^[a-zA-Z0-9]*$");
    /** {@code priority}, our extension: hosts of higher priority are preferred by {@code auto_priority}. */
    public static final int MIN_PRIORITY = -1000;
    public static final int MAX_PRIORITY = 1000;

    private SegmentFields() {
    }

    public static String name(String text) {
        return FieldRules.name("name", text);
    }

    /** A description: null, or up to 255 characters. */
    public static String description(String text) {
        return text == null ? null : FieldRules.length("description", text, 0, 255);
    }

    public static RecoveryMethod recoveryMethod(String text) {
        return RecoveryMethod.fromWire(FieldRules.oneOf("recovery_method", text, RecoveryMethod.wireNames()))
                .orElseThrow();
    }

    public static String serviceType(String text) {
        return FieldRules.length("service_type", text, 1, 255);
    }

    public static String hostType(String text) {
        return FieldRules.matching("type", text, 1, 255, HOST_TYPE);
    }

    /** A plain string (no BMC) of up to 255 characters, or a BMC's JSON object ({@link ControlAttributes}). */
    public static String controlAttributes(String text) {
        return ControlAttributes.validated(text);
    }

    public static int priority(int value) {
        return FieldRules.between("priority", value, MIN_PRIORITY, MAX_PRIORITY);
    }

    /** A priority as a form sends it: decimal digits. */
    public static int priority(String text) {
        return FieldRules.integer("priority", text, MIN_PRIORITY, MAX_PRIORITY);
    }

    /** A new segment from a form's fields; {@code description} blank means none. */
    public static SegmentDraft segment(String name, String description, String recoveryMethod, String serviceType,
                                       boolean enabled) {
        return new SegmentDraft(name(name), description(blankToNull(description)), recoveryMethod(recoveryMethod),
                serviceType(serviceType), enabled);
    }

    /** Every field of a segment from a form; a blank description clears it. */
    public static SegmentChanges segmentChanges(String name, String description, String recoveryMethod,
                                                String serviceType, boolean enabled) {
        return new SegmentChanges(name(name), true, description(blankToNull(description)),
                recoveryMethod(recoveryMethod), serviceType(serviceType), enabled);
    }

    /** A new host from a form's fields, not on maintenance. */
    public static HostDraft host(String name, String type, String controlAttributes, boolean reserved,
                                 String priority) {
        return new HostDraft(name(name), hostType(type), controlAttributes(controlAttributes), reserved, false,
                priority(priority));
    }

    /** The same, with its maintenance flag, as the dashboard's "Add Nova compute hosts" sets it. */
    public static HostDraft host(String name, String type, String controlAttributes, boolean reserved,
                                 boolean onMaintenance, String priority) {
        return new HostDraft(name(name), hostType(type), controlAttributes(controlAttributes), reserved, onMaintenance,
                priority(priority));
    }

    /** The fields of a host a form edits; its maintenance flag stays as it is. */
    public static HostChanges hostChanges(String name, String type, String controlAttributes, boolean reserved,
                                          String priority) {
        return new HostChanges(name(name), hostType(type), controlAttributes(controlAttributes), reserved, null,
                priority(priority));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
