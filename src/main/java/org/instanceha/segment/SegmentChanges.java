package org.instanceha.segment;

/**
 * A validated partial update of a segment. A null field stays as it is, except {@code description},
 * which may be cleared: {@code descriptionGiven} says whether the request named it.
 */
public record SegmentChanges(String name, boolean descriptionGiven, String description,
                             RecoveryMethod recoveryMethod, String serviceType, Boolean enabled) {
}
