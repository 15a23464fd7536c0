package org.instanceha.notification;

/**
 * One host of a mass failure, as the host monitor confirmed it and as it waits for a person's approval: its
 * name, the monitor's verdict, when its first signal was missed (an ISO-8601 instant, or null) and the signals
 * in words. Approving reports it as the verdict says ({@link FailureReports}).
 */
public record FailureToApprove(String hostname, Verdict verdict, String firstMiss, String evidence) {
}
