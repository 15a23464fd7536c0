package org.instanceha.dashboard;

import java.util.Optional;

import org.instanceha.common.NotFoundException;
import org.instanceha.fencing.Bmc;
import org.instanceha.fencing.Fencing;
import org.instanceha.fencing.FencingException;
import org.instanceha.fencing.PowerState;
import org.instanceha.segment.BmcCredentials;
import org.instanceha.segment.Host;
import org.instanceha.segment.SegmentService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The host page's "Test" button: reads the host's power state through its BMC, as "Fence host" would, and says
 * what it answered ("On", "Off"), or why it did not ("wrong credentials", "no answer", "refused"), within
 * {@code instanceha.fencing.call-timeout}. It switches nothing.
 */
@Controller
public class BmcTestPages {

    private final SegmentService segments;
    private final BmcCredentials credentials;
    private final Fencing fencing;

    public BmcTestPages(SegmentService segments, BmcCredentials credentials, Fencing fencing) {
        this.segments = segments;
        this.credentials = credentials;
        this.fencing = fencing;
    }

    @PostMapping("/dashboard/segments/{uuid}/hosts/{host}/test-bmc")
    public String test(@PathVariable String uuid, @PathVariable String host, RedirectAttributes flash) {
        String page = "redirect:/dashboard/segments/" + uuid + "/hosts/" + host;
        Host found;
        try {
            found = segments.getHost(uuid, host);
        } catch (NotFoundException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/dashboard/segments/" + uuid;
        }
        Optional<Bmc> bmc = credentials.of(found);
        if (bmc.isEmpty()) {
            flash.addFlashAttribute("error", "Host " + found.name() + " has no BMC in its control attributes: it "
                    + "cannot be fenced.");
            return page;
        }
        try {
            PowerState state = fencing.powerState(bmc.get());
            flash.addFlashAttribute("info", "BMC test: " + state.shown() + " (" + bmc.get().summary() + " answered "
                    + "that " + found.name() + " is powered " + state.shown().toLowerCase(java.util.Locale.ROOT) + ").");
        } catch (FencingException e) {
            flash.addFlashAttribute("error", "BMC test: " + e.failure().shown() + ". " + e.getMessage());
        }
        return page;
    }
}
