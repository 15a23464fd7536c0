package org.instanceha.fencing;

/** What a BMC says of its host's power. A host that is powering off still has power: it is {@link #ON}. */
public enum PowerState {
    ON("On"), OFF("Off");

    private final String shown;

    PowerState(String shown) {
        this.shown = shown;
    }

    /** As the dashboard and the workflow details show it. */
    public String shown() {
        return shown;
    }
}
