package org.instanceha.nova;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.instanceha.common.FieldRules;

/**
 * What a server's metadata asks of instance-ha: {@code HA_Enabled} (protect it, read as Masakari reads it)
 * and {@code instanceha:priority} (its restart tier, 1 first to 5 last). Plain Java.
 */
public final class InstanceProtection {

    /** The metadata key of an instance's protection. */
    public static final String HA_ENABLED_KEY = "HA_Enabled";
    /** The metadata key of an instance's restart priority. */
    public static final String PRIORITY_KEY = "instanceha:priority";
    /** A priority that was not given, or not 1 to 5. */
    public static final int DEFAULT_PRIORITY = 3;

    /** What oslo's {@code bool_from_string}, which Masakari reads {@code HA_Enabled} with, takes for true. */
    private static final Set<String> TRUE_VALUES = Set.of("1", "t", "true", "on", "y", "yes");

    private InstanceProtection() {
    }

    /**
     * An instance's restart priority; {@code problem} says why a value that was given is not used, else null.
     */
    public record Priority(int value, String problem) {
    }

    /** Whether the metadata asks for the instance's protection: {@code HA_Enabled} is true. */
    public static boolean haEnabled(Map<String, String> metadata) {
        return TRUE_VALUES.contains(metadata.getOrDefault(HA_ENABLED_KEY, "").strip().toLowerCase(Locale.ROOT));
    }

    /** The metadata's {@code instanceha:priority}, 1 to 5, else {@code defaultPriority} with the reason. */
    public static Priority priority(String name, Map<String, String> metadata, int defaultPriority) {
        String given = metadata.get(PRIORITY_KEY);
        if (given == null || given.isBlank()) {
            return new Priority(defaultPriority, null);
        }
        String value = given.strip();
        if (value.matches("[1-5]")) {
            return new Priority(Integer.parseInt(value), null);
        }
        return new Priority(defaultPriority, name + ": " + PRIORITY_KEY + " '" + FieldRules.shortened(value)
                + "' is not 1 to 5; " + defaultPriority + " used");
    }
}
