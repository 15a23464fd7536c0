package org.instanceha.dashboard;

import org.instanceha.common.NotFoundException;
import org.instanceha.segment.Host;
import org.instanceha.segment.SegmentService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * With the simulator, the segment page's failure buttons: "Cut power", "Hang host" and "Stop nova-compute" do
 * that to a simulated host and report nothing: instance-ha's own host monitor notices (in mode {@code report},
 * as in the demo) and the Hosts page shows what it sees. "Power on", on a host on maintenance, powers it on again,
 * for its return to service.
 */
@Controller
public class DemoFailurePages {

    private final SegmentService segments;
    private final ObjectProvider<HostFailureSimulation> simulator;

    public DemoFailurePages(SegmentService segments, ObjectProvider<HostFailureSimulation> simulator) {
        this.segments = segments;
        this.simulator = simulator;
    }

    @PostMapping("/dashboard/segments/{uuid}/hosts/{host}/simulate/{failure}")
    public String simulate(@PathVariable String uuid, @PathVariable String host, @PathVariable String failure,
                           RedirectAttributes flash) {
        HostFailureSimulation cloud = simulator.getIfAvailable();
        if (cloud == null) {
            throw new NotFoundException("The simulator is off.");
        }
        Host found = segments.getHost(uuid, host);
        String what = switch (failure) {
            case "cut-power" -> {
                cloud.cutPower(found.name());
                yield "The power of " + found.name() + " is cut (its BMC says Off).";
            }
            case "hang" -> {
                cloud.stopHost(found.name());
                yield found.name() + " hangs: no heartbeat, its management address silent, its power on.";
            }
            case "stop-nova-compute" -> {
                cloud.stopNovaCompute(found.name());
                yield "The nova-compute of " + found.name() + " stopped; the host runs and answers.";
            }
            case "power-on" -> {
                cloud.powerOn(found.name());
                yield found.name() + " is powered on: its nova-compute reports again. The host monitor returns it to"
                        + " service as its segment's policy says.";
            }
            default -> throw new NotFoundException("No simulated failure '" + failure.substring(0,
                    Math.min(failure.length(), 32)) + "': cut-power, hang, stop-nova-compute or power-on.");
        };
        flash.addFlashAttribute("info", what + (failure.equals("power-on") ? "" : " Nothing was reported: watch the"
                + " Hosts page."));
        return "redirect:/dashboard/hosts";
    }
}
