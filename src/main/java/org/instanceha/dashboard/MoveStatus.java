package org.instanceha.dashboard;

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
        return move.waitingForOperator() ? "Waiting for operator" : label(move.status());
    }

    public String icon(VmMove move) {
        return move.waitingForOperator() ? "&#9888;" : icon(move.status());
    }

    /** The CSS class: {@code move-waiting}, or {@code move-<status>}. */
    public String css(VmMove move) {
        return "move-" + (move.waitingForOperator() ? "waiting" : move.status().wireName());
    }

    /** The move's user task in Tasklist, or null when it waits for no one. */
    public String taskLink(VmMove move) {
        return move.waitingForOperator() ? TASKLIST + move.operatorTaskId() : null;
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
