package org.instanceha.dashboard;

import org.springframework.stereotype.Component;

/**
 * How the dashboard shows a VM move's status: its label (the API's {@code ongoing} reads "Running")
 * and its icon. Templates call it as {@code @moveStatus}; one place for both tables.
 */
@Component("moveStatus")
public class MoveStatus {

    public String label(String status) {
        return switch (status) {
            case "pending" -> "Pending";
            case "ongoing" -> "Running";
            case "succeeded" -> "Succeeded";
            case "failed" -> "Failed";
            case "ignored" -> "Ignored";
            default -> status;
        };
    }

    /** HTML of the icon: a grey clock, a blue spinner, a green check, a red cross. */
    public String icon(String status) {
        return switch (status) {
            case "pending" -> "&#9201;";
            case "ongoing" -> "<span class=\"spinner\"></span>";
            case "succeeded" -> "&#10004;";
            case "failed" -> "&#10006;";
            default -> "&#8226;";
        };
    }
}
