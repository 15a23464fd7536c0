package org.instanceha.nova;

import java.util.Map;

/**
 * A server as Nova shows it to an administrator.
 *
 * @param vmState    {@code active}, {@code stopped}, {@code error}, ...
 * @param taskState  null when no task runs; {@code rebuilding} during an evacuation
 * @param powerState Nova's power state number (1 running, 4 shutdown)
 * @param host       the compute service host it is on
 * @param fault      the fault message of a server in error, or null
 * @param projectId  the project that owns it ({@code tenant_id})
 * @param build      its volumes, disks and flavor extra specs
 */
public record Server(String id, String name, String status, String vmState, String taskState, int powerState,
                     String host, String hypervisorHostname, boolean locked, Map<String, String> metadata,
                     int vcpus, int ramMb, String fault, String projectId, ServerBuild build) {

    public Server {
        metadata = Map.copyOf(metadata);
        build = build == null ? ServerBuild.FROM_IMAGE : build;
    }

    /** A server booted from an image, with no ephemeral disk or extra specs ({@link ServerBuild#FROM_IMAGE}). */
    public Server(String id, String name, String status, String vmState, String taskState, int powerState,
                  String host, String hypervisorHostname, boolean locked, Map<String, String> metadata, int vcpus,
                  int ramMb, String fault, String projectId) {
        this(id, name, status, vmState, taskState, powerState, host, hypervisorHostname, locked, metadata, vcpus,
                ramMb, fault, projectId, ServerBuild.FROM_IMAGE);
    }

    /** True when no task runs on the server. */
    public boolean idle() {
        return taskState == null;
    }
}
