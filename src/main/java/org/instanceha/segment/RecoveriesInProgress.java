package org.instanceha.segment;

/**
 * "Is a recovery still being handled in this segment?": a notification of one of its hosts that is
 * {@code new}, {@code running} or {@code error}. While one is, the segment and its hosts must not
 * change (Masakari's 409 rule). Declared here, where the rule is, and answered by the notifications.
 */
public interface RecoveriesInProgress {

    boolean inSegment(String segmentUuid);
}
