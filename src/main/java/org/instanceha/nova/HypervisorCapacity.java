package org.instanceha.nova;

/** The vCPUs and RAM of one hypervisor, total and used, and the state of its service. */
public record HypervisorCapacity(String host, String hypervisorHostname, int vcpus, int vcpusUsed, long memoryMb,
                                 long memoryMbUsed, boolean up, boolean enabled) {

    public int freeVcpus() {
        return vcpus - vcpusUsed;
    }

    public long freeMemoryMb() {
        return memoryMb - memoryMbUsed;
    }

    /**
     * As Nova's scheduler counts it: the physical vCPUs and RAM Nova's hypervisor figures show, times the cloud's
     * allocation ratios (what is used stays as it is).
     */
    public HypervisorCapacity withAllocationRatios(double cpu, double ram) {
        return new HypervisorCapacity(host, hypervisorHostname, (int) Math.floor(vcpus * cpu), vcpusUsed,
                (long) Math.floor(memoryMb * ram), memoryMbUsed, up, enabled);
    }
}
