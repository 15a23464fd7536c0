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
}
