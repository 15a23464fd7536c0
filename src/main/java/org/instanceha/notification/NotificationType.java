package org.instanceha.notification;

/** What a monitor reports: a compute host, an instance, or a process on a host. */
public enum NotificationType {
    COMPUTE_HOST, VM, PROCESS
}
