package org.instanceha.dashboard;

import org.instanceha.detection.HostMonitor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Hosts: what instance-ha's host monitor sees of each watched host (its verdict, Nova's heartbeat age, its
 * management address's answer, its BMC's power state, when they were read), its mode, and why it is not judging
 * when it is not. Read-only; the verdicts live on the node that judges.
 */
@Controller
public class HostPages {

    private final HostMonitor monitor;

    public HostPages(HostMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/dashboard/hosts")
    public String list(Model model) {
        model.addAttribute("watches", monitor.watches());
        model.addAttribute("judging", monitor.judging());
        model.addAttribute("mode", monitor.mode().name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("alert", monitor.alert());
        return "hosts";
    }
}
