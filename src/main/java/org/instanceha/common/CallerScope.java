package org.instanceha.common;

/**
 * What a caller may see of what a policy rule guards: everything, or only what concerns one project
 * (its instances, the notifications that moved or restarted them, their VM moves).
 *
 * @param projectId the project the caller is limited to; null for everything
 */
public record CallerScope(String projectId) {

    public static final CallerScope EVERYTHING = new CallerScope(null);

    public static CallerScope project(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw new IllegalArgumentException("A project scope needs a project id");
        }
        return new CallerScope(projectId);
    }

    /** True when the caller is limited to nothing. */
    public boolean everything() {
        return projectId == null;
    }
}
