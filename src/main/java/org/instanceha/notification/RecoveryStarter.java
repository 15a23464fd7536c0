package org.instanceha.notification;

/** Starts the recovery workflow of a stored notification, in the caller's transaction. */
public interface RecoveryStarter {

    void start(Notification notification);
}
