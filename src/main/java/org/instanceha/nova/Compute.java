package org.instanceha.nova;

import java.util.List;
import java.util.Optional;

/**
 * Everything instance-ha asks of Nova. Every method may throw a {@link ComputeException}: the
 * subclass says what Nova answered, and {@link ComputeException#retryable()} whether trying again
 * later can help (5xx, timeouts, an unreachable endpoint).
 */
public interface Compute {

    /** The {@code nova-compute} service of a host, if Nova knows one. */
    Optional<ComputeServiceInfo> computeService(String host);

    /** Every nova-compute service of the cloud, in Nova's order. */
    List<ComputeServiceInfo> computeServices();

    /** The same, with when Nova answered by its own clock (its API's {@code Date}), for judging heartbeats. */
    NovaServiceList computeServicesNow();

    /**
     * Disables the host's nova-compute service, so that the scheduler stops placing instances on it.
     * On a dead host, force it down first: while Nova still believes the service up, disabling it makes
     * nova-api call the compute over RPC and block until the RPC timeout (60 s on the test bed).
     */
    ComputeServiceInfo disableService(String host, String reason);

    /** Enables the host's nova-compute service again (a reserved host taken into use, or an operator's undo). */
    ComputeServiceInfo enableService(String host);

    /**
     * Sets or clears {@code forced_down}: tells Nova the host is fenced, so that evacuation need not
     * wait for its heartbeat to go stale.
     */
    ComputeServiceInfo forceDown(String host, boolean forcedDown);

    /** All servers of all projects on a host, every page of them. */
    List<Server> serversOnHost(String host);

    /** All servers of all projects on every host, every page of them (one listing for a whole segment's plan). */
    List<Server> servers();

    /**
     * Servers of all projects Nova changed at or after {@code since} (to the second), deleted ones included with
     * status {@code DELETED}: one request for many servers being watched.
     */
    List<Server> serversChangedSince(java.time.Instant since);

    /** All servers of one project, on every host, every page of them (where a project's instances are). */
    List<Server> serversOfProject(String projectId);

    /** One server, or empty when Nova does not know it. */
    Optional<Server> server(String serverId);

    /**
     * Asks Nova to rebuild the server on another host. With {@code targetHost} null Nova's scheduler
     * chooses; a named host is still checked by the scheduler. Nova answers at once; the move itself
     * takes time: poll {@link #server(String)} until its host has changed and its task state is empty.
     *
     * @throws ComputeServiceInUse when the source host's service is neither down nor forced down
     */
    void evacuate(String serverId, String targetHost);

    /**
     * {@link #evacuate} at Nova's microversion 2.95: the server is left stopped on its new host, whatever state
     * it had. A Nova older than that answers 406, a {@link ComputeException} that is not retryable.
     */
    void evacuateStopped(String serverId, String targetHost);

    /**
     * Asks Nova to live-migrate an ACTIVE server to this host ({@code block_migration: auto}: Nova copies the disk
     * where storage is not shared). Nova only accepts: poll {@link #server(String)} until its host has changed and
     * its task state is empty.
     */
    void liveMigrate(String serverId, String targetHost);

    void stop(String serverId);

    void start(String serverId);

    void lock(String serverId);

    void unlock(String serverId);

    /** Resets the server's vm_state to {@code active} or {@code error} (an admin action). */
    void resetState(String serverId, String state);

    /** Capacity of each hypervisor: vCPUs and RAM, total and used. */
    List<HypervisorCapacity> hypervisors();

    /** Every host aggregate of the cloud. */
    List<Aggregate> aggregates();

    /** The host aggregates the host belongs to. */
    default List<Aggregate> aggregatesOf(String host) {
        return aggregates().stream().filter(a -> a.hosts().contains(host)).toList();
    }

    /** Adds a host to an aggregate; adding a host that is already a member is not an error. */
    void addHostToAggregate(long aggregateId, String host);

    /** Nova's evacuation records of a server, newest first. */
    List<Migration> evacuationsOf(String serverId);

    /**
     * Nova's evacuation records of the servers evacuated off a host, newest first (the newest 1,000). nova-compute
     * sets those it finds {@code accepted}, {@code pre-migrating} or {@code done} to {@code completed} as it starts,
     * once it has deleted its old copies of their servers.
     */
    List<Migration> evacuationsFrom(String sourceHost);
}
