package org.instanceha.recovery;

import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.ComputeServiceInfo;

/** The nova-compute service of a host the workflow acts on: Nova must know it. */
public final class ComputeServices {

    private ComputeServices() {
    }

    public static ComputeServiceInfo of(Compute compute, String host) {
        return compute.computeService(host).orElseThrow(() ->
                new ComputeException(404, "Nova has no nova-compute service on " + host, false));
    }
}
