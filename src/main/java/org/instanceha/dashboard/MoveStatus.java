package org.instanceha.dashboard;

import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * How the dashboard shows a VM move's status: its label (the API's {@code ongoing} reads "Running")
 * and its icon. Templates call it as {@code @moveStatus}; one place for both tables.
 */
@Component("moveStatus")
public class MoveStatus {

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
