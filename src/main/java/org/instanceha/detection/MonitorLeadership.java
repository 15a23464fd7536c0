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
    private final java.util.function.BooleanSupplier leaseInDatabase;

    /**
     * @param leaseInDatabase whether the shared database says this node holds the lease now (its row, not older
     *                        than the lease time): asked at the moment of reporting
     */
    public MonitorLeadership(String nodeId, java.util.function.BooleanSupplier leaseInDatabase) {
        super(nodeId, ROLE);
        this.leaseInDatabase = leaseInDatabase;
    }

    /** Whether this node judges: it was granted the lease and has not been told it lost it. */
    public boolean leading() {
        return leading;
    }

    /**
     * Whether this node may report now: it judges, and the database agrees that its lease still runs. A node
     * that was paused (a long GC, a frozen VM) or cut off may still believe it leads while another node has
     * taken the lease over; what its cycle had under way must not be reported.
     */
    public boolean holdsLeaseNow() {
        if (!leading) {
            return false;
        }
        try {
            return leaseInDatabase.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("This node ({}) cannot tell whether it still holds the host monitor's lease: {}", getId(),
                    e.getMessage());
            return false;
        }
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
