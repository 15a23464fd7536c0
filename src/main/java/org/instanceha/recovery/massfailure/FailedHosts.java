package org.instanceha.recovery.massfailure;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.notification.FailureToApprove;

/** The hosts of a mass failure in the approval's variables: as JSON, and as a Markdown table for the form. */
final class FailedHosts {

    private FailedHosts() {
    }

    static String write(ObjectMapper json, List<FailureToApprove> hosts) {
        try {
            return json.writeValueAsString(hosts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("hosts of a mass failure as JSON", e);
        }
    }

    /** The hosts written by {@link #write}; none for a missing variable. */
    static List<FailureToApprove> read(ObjectMapper mapper, String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return mapper.readValue(json, new TypeReference<List<FailureToApprove>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the variable failedHosts is not a list of hosts: " + e.getOriginalMessage(), e);
        }
    }

    static String table(List<FailureToApprove> hosts) {
        StringBuilder table = new StringBuilder("| Host | Verdict | First missed signal (UTC) | Evidence |\n|---|---|---|---|\n");
        for (FailureToApprove h : hosts) {
            String verdict = h.verdict() == null ? null : h.verdict().shown();
            table.append("| ").append(cell(h.hostname())).append(" | ").append(cell(verdict)).append(" | ")
                    .append(h.firstMiss() == null ? "" : cell(h.firstMiss())).append(" | ")
                    .append(cell(h.evidence())).append(" |\n");
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace('\n', ' ');
    }
}
