package org.instanceha.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compute API microversion as the simulated Nova negotiates it: 2.1 by default, at most its newest (2.93). */
record NovaVersion(int minor) {

    static final NovaVersion MIN = new NovaVersion(1);
    private static final Pattern ENTRY = Pattern.compile("\\s*compute\\s+(\\S+)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("2\\.(\\d+)");

    /** From {@code OpenStack-API-Version: compute 2.53} or {@code X-OpenStack-Nova-API-Version: 2.53}. */
    static NovaVersion from(String openstackHeader, String novaHeader, int maxMinor) {
        String requested = null;
        if (openstackHeader != null) {
            for (String entry : openstackHeader.split(",")) {
                Matcher m = ENTRY.matcher(entry);
                if (m.matches()) {
                    requested = m.group(1);
                }
            }
        }
        if (requested == null && novaHeader != null && !novaHeader.isBlank()) {
            requested = novaHeader.strip();
        }
        if (requested == null) {
            return MIN;
        }
        if ("latest".equalsIgnoreCase(requested)) {
            return new NovaVersion(maxMinor);
        }
        Matcher m = NUMBER.matcher(requested);
        if (!m.matches()) {
            if (requested.matches("\\d+\\.\\d+")) {
                throw unsupported(requested, maxMinor);
            }
            throw NovaFault.badRequest("API Version String " + requested + " is of invalid format. Must be of "
                    + "format MajorNum.MinorNum.");
        }
        int minor = Integer.parseInt(m.group(1));
        if (minor < MIN.minor || minor > maxMinor) {
            throw unsupported(requested, maxMinor);
        }
        return new NovaVersion(minor);
    }

    /** Nova's 406, as the test bed answers 2.95 (nova-samples/evacuate-unsupported-microversion-error-mv2.95.json). */
    private static NovaFault unsupported(String requested, int maxMinor) {
        return new NovaFault(406, "Version " + requested + " is not supported by the API. Minimum is 2.1 and "
                + "maximum is 2." + maxMinor + ".");
    }

    boolean atLeast(int otherMinor) {
        return minor >= otherMinor;
    }

    @Override
    public String toString() {
        return "2." + minor;
    }
}
