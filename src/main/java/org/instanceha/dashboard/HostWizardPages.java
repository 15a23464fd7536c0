package org.instanceha.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.instanceha.common.ConflictException;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.NotFoundException;
import org.instanceha.segment.ControlAttributes;
import org.instanceha.segment.SegmentFields;
import org.instanceha.segment.SegmentService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Add Nova compute hosts" on the segment page: the compute hosts that are in no segment yet, several added at
 * once, each with its reserved and maintenance flags and its BMC. A row's fields are named {@code <field>.<host>}
 * ({@code add.compute3}, {@code protocol.compute3}, ...). Each host goes through the same rules as the v1 API's
 * {@code POST /v1/segments/{id}/hosts}; one that breaks a rule is reported by name and the others are added.
 */
@Controller
public class HostWizardPages {

    private final SegmentService segments;

    public HostWizardPages(SegmentService segments) {
        this.segments = segments;
    }

    @PostMapping("/dashboard/segments/{uuid}/add-hosts")
    public String addHosts(@PathVariable String uuid, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        segments.getSegment(uuid);
        TreeSet<String> chosen = new TreeSet<>();
        form.forEach((field, value) -> {
            if (field.startsWith("add.") && "true".equals(value)) {
                chosen.add(field.substring("add.".length()));
            }
        });
        if (chosen.isEmpty()) {
            flash.addFlashAttribute("error", "Choose at least one host to add.");
            return "redirect:/dashboard/segments/" + uuid;
        }
        List<String> added = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String host : chosen) {
            try {
                String controlAttributes = ControlAttributes.fromFields(form.get("protocol." + host),
                        form.get("bmcHost." + host), form.get("port." + host), form.get("username." + host),
                        form.get("password." + host), form.get("systems." + host), form.get("ca." + host),
                        !"true".equals(form.get("insecure." + host)), form.get("management." + host));
                segments.createHost(uuid, SegmentFields.host(host, "COMPUTE", controlAttributes,
                        "true".equals(form.get("reserved." + host)), "true".equals(form.get("maintenance." + host)), "0"));
                added.add(host);
            } catch (InvalidInputException | ConflictException | NotFoundException e) {
                refused.add(shortened(host) + ": " + e.getMessage());
            }
        }
        if (!added.isEmpty()) {
            flash.addFlashAttribute("info", "Added " + String.join(", ", added) + " (" + added.size() + " host(s)).");
        }
        if (!refused.isEmpty()) {
            flash.addFlashAttribute("error", "Not added: " + String.join("; ", refused));
        }
        return "redirect:/dashboard/segments/" + uuid;
    }

    private static String shortened(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
