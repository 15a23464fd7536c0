package org.instanceha.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compute API microversion as the simulated Nova negotiates it: 2.1 by default, at most 2.93. */
record NovaVersion(int minor) {

    static final NovaVersion MIN = new NovaVersion(1);
    static final NovaVersion MAX = new NovaVersion(93);
    private static final Pattern ENTRY = Pattern.compile("\\s*compute\\s+(\\S+)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("2\\.(\\d+)");

    /** From {@code OpenStack-API-Version: compute 2.53} or {@code X-OpenStack-Nova-API-Version: 2.53}. */
    static NovaVersion from(String openstackHeader, String novaHeader) {
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
            return MAX;
        }
        Matcher m = NUMBER.matcher(requested);
        if (!m.matches()) {
            if (requested.matches("\\d+\\.\\d+")) {
                throw new NovaFault(406, "Version " + requested + " is not supported by the API. Minimum is 2.1 "
                        + "and maximum is 2.93.");
            }
            throw NovaFault.badRequest("API Version String " + requested + " is of invalid format. Must be of "
                    + "format MajorNum.MinorNum.");
        }
        int minor = Integer.parseInt(m.group(1));
        if (minor < MIN.minor || minor > MAX.minor) {
            throw new NovaFault(406, "Version " + requested + " is not supported by the API. Minimum is 2.1 and "
                    + "maximum is 2.93.");
        }
        return new NovaVersion(minor);
    }

    boolean atLeast(int otherMinor) {
        return minor >= otherMinor;
    }

    @Override
    public String toString() {
        return "2." + minor;
    }
}
