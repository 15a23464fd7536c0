package org.instanceha.notification;

/**
 * Starts "Return host to service" for a host the host monitor saw healthy again (implemented by the engine). The
 * port lets the monitor start it without knowing the engine, as {@link RecoveryStarter} lets the intake.
 */
public interface ReturnStarter {

    /**
     * Starts the return of this host, unless its recovery's workflow still runs or another node started it;
     * returns what happened in a few words, for the log and the Hosts page.
     */
    String start(HostReturn hostReturn);
}
