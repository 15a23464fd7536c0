package org.instanceha.recovery.evacuation;

/**
 * How an evacuated instance gets back the state it had: one that was stopped is stopped again (Nova
 * starts it on its new host), one that was in error is reset to error; all others stay as Nova left
 * them. Plain Java.
 */
public final class PowerStateRules {

    /** What to do to the instance on its new host. */
    public enum Restore { STOP, RESET_TO_ERROR, NOTHING }

    private PowerStateRules() {
    }

    public static Restore afterEvacuation(String originalVmState, String currentVmState) {
        if ("stopped".equals(originalVmState) && "active".equals(currentVmState)) {
            return Restore.STOP;
        }
        if ("error".equals(originalVmState) && !"error".equals(currentVmState)) {
            return Restore.RESET_TO_ERROR;
        }
        return Restore.NOTHING;
    }
}
