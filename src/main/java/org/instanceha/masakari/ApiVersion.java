package org.instanceha.masakari;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Masakari API microversion, as requested with {@code OpenStack-API-Version: instance-ha X.Y}.
 * Plain Java: parsing and range rules, no HTTP.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    public static final ApiVersion MIN = new ApiVersion(1, 0);
    public static final ApiVersion MAX = new ApiVersion(1, 3);
    /** The version that adds {@code recovery_workflow_details} to a notification. */
    public static final ApiVersion V1_1 = new ApiVersion(1, 1);
    /** The version that accepts {@code enabled} on segments. */
    public static final ApiVersion V1_2 = new ApiVersion(1, 2);
    /** The version that adds VM moves. */
    public static final ApiVersion V1_3 = new ApiVersion(1, 3);

    /** Service names accepted in the header: the catalog type, and the project's own name. */
    private static final Pattern ENTRY = Pattern.compile("\\s*(instance-ha|masakari)\\s+(\\S+)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("^(\\d+)\\.([1-9]\\d*|0)$");

    /**
     * Reads the version for our service from the header value (which may name several services,
     * comma-separated). No header, or no entry for us: 1.0.
     *
     * @throws Malformed    when our entry's version is not {@code N.N} or {@code latest}
     * @throws Unsupported  when it is outside {@link #MIN}..{@link #MAX}
     */
    public static ApiVersion fromHeader(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return MIN;
        }
        for (String entry : headerValue.split(",")) {
            Matcher m = ENTRY.matcher(entry);
            if (m.matches()) {
                return parse(m.group(2));
            }
        }
        return MIN;
    }

    static ApiVersion parse(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return MAX;
        }
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            throw new Malformed("API Version String " + text
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        ApiVersion requested;
        try {
            requested = new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new Malformed("API Version String " + text
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        if (requested.compareTo(MIN) < 0 || requested.compareTo(MAX) > 0) {
            throw new Unsupported("Version " + requested + " is not supported by the API. Minimum is " + MIN
                    + " and maximum is " + MAX + ".");
        }
        return requested;
    }

    public boolean atLeast(ApiVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    /** The header asks for a version in a malformed way (HTTP 400). */
    public static class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** The header asks for a version this API does not serve (HTTP 406). */
    public static class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }
}
