package org.instanceha.dashboard;

import org.instanceha.common.ForbiddenException;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.NotFoundException;
import org.instanceha.common.Policy;
import org.instanceha.common.PolicyNames;
import org.instanceha.segment.FailureDomain;
import org.instanceha.segment.ReturnToService;
import org.instanceha.segment.SegmentPolicies;
import org.instanceha.segment.SegmentPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The segment page's policy card: saves what the form says (the page itself shows it, {@link SegmentPages}). */
@Controller
public class SegmentPolicyPages {

    private final SegmentPolicies policies;
    private final Policy policy;

    public SegmentPolicyPages(SegmentPolicies policies, Policy policy) {
        this.policies = policies;
        this.policy = policy;
    }

    @PostMapping("/dashboard/segments/{uuid}/policy")
    public String update(@PathVariable String uuid, @RequestParam String returnToService,
                         @RequestParam(defaultValue = "false") boolean failback,
                         @RequestParam(required = false) String failuresToTolerate,
                         @RequestParam(required = false) String failureDomain, RedirectAttributes flash) {
        if (!policy.allowsEverything(PolicyNames.SEGMENTS_POLICY_UPDATE)) {
            throw new ForbiddenException("Policy doesn't allow " + PolicyNames.SEGMENTS_POLICY_UPDATE
                    + " to be performed.");
        }
        String back = "redirect:/dashboard/segments/" + uuid;
        ReturnToService value = ReturnToService.fromWire(returnToService).orElse(null);
        if (value == null) {
            flash.addFlashAttribute("error", "Return to service must be one of " + ReturnToService.wireNames() + ".");
            return back;
        }
        Integer tolerate = failuresToTolerate == null ? null : wholeNumber(failuresToTolerate);
        if (failuresToTolerate != null && tolerate == null) {
            flash.addFlashAttribute("error", "Failures to tolerate must be a whole number.");
            return back;
        }
        FailureDomain domain = failureDomain == null ? null : FailureDomain.fromWire(failureDomain).orElse(null);
        if (failureDomain != null && domain == null) {
            flash.addFlashAttribute("error", "Failure domain must be one of " + FailureDomain.wireNames() + ".");
            return back;
        }
        try {
            policies.update(uuid, new SegmentPolicy.Changes(value, failback, tolerate, domain));
            flash.addFlashAttribute("info", "Policy saved.");
        } catch (InvalidInputException | NotFoundException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return back;
    }

    private static Integer wholeNumber(String text) {
        return text.matches("-?\\d{1,9}") ? Integer.valueOf(text) : null;
    }
}
