package org.instanceha.dashboard;

import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * How the dashboard shows a VM move's status: its label (the API's {@code ongoing} reads "Running")
 * and its icon. Templates call it as {@code @moveStatus}; one place for both tables. A move that waits
 * for an operator's decision is shown as a status of its own, "Waiting for operator" (amber), with a link
 * to its user task in Tasklist.
 */
@Component("moveStatus")
public class MoveStatus {

    /** Where Tasklist shows a task. */
    static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

    public String label(VmMove move) {
        return label(move.status(), move.operatorTaskId());
    }

    public String icon(VmMove move) {
        return icon(move.status(), move.operatorTaskId());
    }

    /** The CSS class: {@code move-waiting}, or {@code move-<status>}. */
    public String css(VmMove move) {
        return css(move.status(), move.operatorTaskId());
    }

    /** The move's user task in Tasklist, or null when it waits for no one. */
    public String taskLink(VmMove move) {
        return taskLink(move.operatorTaskId());
    }

    /** The same for a restart attempt of an instance failure ({@code VM} notification). */
    public String label(InstanceRestart restart) {
        return label(restart.status(), restart.operatorTaskId());
    }

    public String icon(InstanceRestart restart) {
        return icon(restart.status(), restart.operatorTaskId());
    }

    public String css(InstanceRestart restart) {
        return css(restart.status(), restart.operatorTaskId());
    }

    public String taskLink(InstanceRestart restart) {
        return taskLink(restart.operatorTaskId());
    }

    private String label(VmMoveStatus status, String operatorTaskId) {
        return operatorTaskId != null ? "Waiting for operator" : label(status);
    }

    private String icon(VmMoveStatus status, String operatorTaskId) {
        return operatorTaskId != null ? "&#9888;" : icon(status);
    }

    private static String css(VmMoveStatus status, String operatorTaskId) {
        return "move-" + (operatorTaskId != null ? "waiting" : status.wireName());
    }

    private static String taskLink(String operatorTaskId) {
        return operatorTaskId != null ? TASKLIST + operatorTaskId : null;
    }

    public String label(VmMoveStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case ONGOING -> "Running";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case IGNORED -> "Ignored";
        };
    }

    /** HTML of the icon: a grey clock, a blue spinner, a green check, a red cross. */
    public String icon(VmMoveStatus status) {
        return switch (status) {
            case PENDING -> "&#9201;";
            case ONGOING -> "<span class=\"spinner\"></span>";
            case SUCCEEDED -> "&#10004;";
            case FAILED -> "&#10006;";
            case IGNORED -> "&#8226;";
        };
    }
}
