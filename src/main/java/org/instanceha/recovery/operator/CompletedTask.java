package org.instanceha.recovery.operator;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What the listeners on an operator's task completion read of it: the form's fields, and who completed it. */
public final class CompletedTask {

    private CompletedTask() {
    }

    /** A field of the form as the operator left it (stripped), or null. */
    public static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString().strip();
    }

    /** The Camunda user id that completes the task; its assignee when no one is authenticated. */
    public static String operator(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "an unauthenticated caller";
    }
}
