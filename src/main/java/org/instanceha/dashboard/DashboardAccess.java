package org.instanceha.dashboard;

import org.instanceha.common.Policy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the logged-in user may do on the dashboard's pages, from the same policy as the v1 API: a reader sees
 * every page without its forms and without the hosts' BMC details; an administrator sees all.
 */
@ControllerAdvice(basePackageClasses = DashboardAccess.class)
public class DashboardAccess {

    /** The rule of a segment's changes stands for every change made through the dashboard. */
    static final String WRITE_RULE = "os_masakari_api:segments:update";
    static final String BMC_RULE = "instanceha:os-hosts:control_attributes";

    private final Policy policy;

    public DashboardAccess(Policy policy) {
        this.policy = policy;
    }

    @ModelAttribute
    void access(Model model) {
        model.addAttribute("canWrite", policy.allowsEverything(WRITE_RULE));
        model.addAttribute("seesBmc", policy.allowsEverything(BMC_RULE));
    }
}
