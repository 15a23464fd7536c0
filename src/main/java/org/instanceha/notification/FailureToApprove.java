package org.instanceha.notification;

/**
 * One host of a mass failure, as the host monitor confirmed it and as it waits for a person's approval: its
 * name, the monitor's verdict in words ("failed", "fenced", "process down"), when its first signal was missed
 * (an ISO-8601 instant, or null) and the signals in words. Approving reports it as the verdict says.
 */
public record FailureToApprove(String hostname, String verdict, String firstMiss, String evidence) {
}
