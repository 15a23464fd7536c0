package org.instanceha.dashboard;

import org.instanceha.common.Policy;
import org.instanceha.common.PolicyNames;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the logged-in user may do on the dashboard's pages, from the same policy as the v1 API: a reader sees
 * every page without its forms and without the hosts' BMC details; an administrator sees all.
 */
@ControllerAdvice(basePackageClasses = DashboardAccess.class)
public class DashboardAccess {

    private final Policy policy;

    public DashboardAccess(Policy policy) {
        this.policy = policy;
    }

    @ModelAttribute
    void access(Model model) {
        model.addAttribute("canWrite", policy.allowsEverything(PolicyNames.DASHBOARD_WRITE));
        model.addAttribute("seesBmc", policy.allowsEverything(PolicyNames.HOSTS_CONTROL_ATTRIBUTES));
    }
}
