package org.instanceha.dashboard;

import org.instanceha.vmove.VmMoveQueries;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** VM Moves: every move of the last 50 notifications, newest start first. Read-only. */
@Controller
public class VmMovePages {

    static final int NOTIFICATIONS = 50;

    private final VmMoveQueries vmoves;

    public VmMovePages(VmMoveQueries vmoves) {
        this.vmoves = vmoves;
    }

    @GetMapping("/dashboard/vmoves")
    @Transactional(readOnly = true)
    public String list(Model model) {
        model.addAttribute("moves", vmoves.ofRecentNotifications(NOTIFICATIONS));
        return "vmoves";
    }
}
