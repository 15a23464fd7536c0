package org.instanceha.recovery.operator;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the listeners on an operator's task completion read of it: the form's fields, and who completed it. */
public final class CompletedTask {

    private static final Logger log = LoggerFactory.getLogger(CompletedTask.class);

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

    /**
     * The step every completion listener takes first: a decision with a {@code problem} refuses the completion (the
     * task stays open; logged as "{@code what} refused"); an accepted one records who took it ({@code operatorUser})
     * and returns that user.
     */
    public static String accept(DelegateTask task, Optional<String> problem, String what) {
        if (problem.isPresent()) {
            log.info("{} refused, task {} stays open: {}", what, task.getId(), problem.get());
            throw new IllegalArgumentException(problem.get());
        }
        String operator = operator(task);
        task.setVariable(OperatorTasks.OPERATOR_USER, operator);
        return operator;
    }
}
