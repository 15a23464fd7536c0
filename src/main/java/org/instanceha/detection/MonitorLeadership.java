package org.instanceha.detection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;

/**
 * Whether this node is the one that judges hosts and reports them: exactly one node is, the holder of the lease
 * in the shared database ({@link MonitorLease}). A node that loses the lease stops judging at once: every cycle
 * and every report asks {@link #leading()} first.
 */
public class MonitorLeadership extends DefaultCandidate {

    public static final String ROLE = "host-monitor";
    private static final Logger log = LoggerFactory.getLogger(MonitorLeadership.class);

    private volatile boolean leading;

    public MonitorLeadership(String nodeId) {
        super(nodeId, ROLE);
    }

    public boolean leading() {
        return leading;
    }

    @Override
    public void onGranted(Context context) {
        leading = true;
        log.info("This node ({}) now judges the hosts: it holds the host monitor's lease", getId());
    }

    @Override
    public void onRevoked(Context context) {
        leading = false;
        log.info("This node ({}) no longer judges the hosts: it lost the host monitor's lease", getId());
    }
}
