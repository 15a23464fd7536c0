package org.instanceha.segment;

import java.time.Clock;
import java.util.List;

import org.instanceha.common.ConflictException;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.NotFoundException;
import org.instanceha.common.PageRequest;
import org.instanceha.common.UtcTime;
import org.instanceha.nova.Compute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failover segments and their hosts, with Masakari's rules: unique segment and host names (409),
 * no change to a segment or its hosts while one of its notifications is new, running or in error
 * (409), deleting a segment deletes its hosts, and a host must be a Nova compute host (400). Used by the v1 API and the dashboard alike.
 */
@Service
@Transactional
public class SegmentService {

    private static final Logger log = LoggerFactory.getLogger(SegmentService.class);

    private final SegmentRepository segments;
    private final HostRepository hosts;
    private final RecoveriesInProgress recoveriesInProgress;
    private final Compute compute;
    private final Clock clock;
    private final BmcCredentials credentials;

    public SegmentService(SegmentRepository segments, HostRepository hosts, RecoveriesInProgress recoveriesInProgress,
                          Compute compute, Clock clock, BmcCredentials credentials) {
        this.segments = segments;
        this.hosts = hosts;
        this.recoveriesInProgress = recoveriesInProgress;
        this.compute = compute;
        this.clock = clock;
        this.credentials = credentials;
    }

    public Segment createSegment(SegmentDraft draft) {
        try {
            Segment created = segments.insert(draft, UtcTime.now(clock));
            log.info("Created failover segment {} ({}), recovery method {}", created.name(), created.uuid(),
                    created.recoveryMethod().wireName());
            return created;
        } catch (DuplicateKeyException e) {
            throw segmentNameTaken(draft.name());
        }
    }

    @Transactional(readOnly = true)
    public Segment getSegment(String uuid) {
        return segments.findByUuid(uuid).orElseThrow(() -> segmentNotFound(uuid));
    }

    @Transactional(readOnly = true)
    public List<Segment> listSegments(SegmentFilter filter, PageRequest page) {
        return segments.list(filter, page);
    }

    /** How many live hosts each of {@code segments} has. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Integer> hostCounts(java.util.Collection<Segment> of) {
        return hosts.countsBySegment(of.stream().map(Segment::id).toList());
    }

    public Segment updateSegment(String uuid, SegmentChanges changes) {
        Segment current = lockSegmentNotInUse(uuid);
        try {
            segments.update(current, changes, UtcTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw segmentNameTaken(changes.name());
        }
        log.info("Updated failover segment {} ({})", current.name(), uuid);
        return getSegment(uuid);
    }

    public void deleteSegment(String uuid) {
        Segment current = lockSegmentNotInUse(uuid);
        var now = UtcTime.now(clock);
        int deletedHosts = hosts.softDeleteAllOf(current.id(), now);
        segments.softDelete(current.id(), now);
        log.info("Deleted failover segment {} ({}) and its {} host(s)", current.name(), uuid, deletedHosts);
    }

    /** Nova's compute services whose host is in no segment yet: what the dashboard offers to add. */
    public List<UnassignedHost> unassignedComputeHosts() {
        java.util.Set<String> registered = hosts.registeredNames();
        return compute.computeServices().stream().filter(s -> !registered.contains(s.host()))
                .map(s -> new UnassignedHost(s.host(), s.zone(), s.forcedDown() ? "forced down" : s.up() ? "up" : "down",
                        s.enabled(), s.updatedAt()))
                .sorted(java.util.Comparator.comparing(UnassignedHost::name)).toList();
    }

    public Host createHost(String segmentUuid, HostDraft draft) {
        Segment segment = getSegment(segmentUuid);
        requireNovaComputeHost(draft.name());
        ControlAttributes.keepingPassword(draft.controlAttributes(), null); // the mask is no password
        draft = new HostDraft(draft.name(), draft.type(), credentials.sealedFor(draft.name(),
                draft.controlAttributes(), null), draft.reserved(), draft.onMaintenance(), draft.priority());
        try {
            Host created = hosts.insert(segment, draft, UtcTime.now(clock));
            log.info("Registered host {} ({}) in segment {}", created.name(), created.uuid(), segment.name());
            return created;
        } catch (DuplicateKeyException e) {
            throw hostNameTaken(draft.name());
        }
    }

    @Transactional(readOnly = true)
    public Host getHost(String segmentUuid, String hostUuid) {
        Segment segment = getSegment(segmentUuid);
        return hostOf(segment, hostUuid);
    }

    @Transactional(readOnly = true)
    public List<Host> listHosts(String segmentUuid, HostFilter filter, PageRequest page) {
        return hosts.list(getSegment(segmentUuid), filter, page);
    }

    public Host updateHost(String segmentUuid, String hostUuid, HostChanges changes) {
        Segment segment = lockSegment(segmentUuid);
        Host current = hostOf(segment, hostUuid);
        if (recoveriesInProgress.inSegment(segment.uuid())) {
            throw hostInUse(hostUuid);
        }
        if (changes.name() != null && !changes.name().equals(current.name())) {
            requireNovaComputeHost(changes.name());
        }
        // A form or a client that sends back the masked password it was shown keeps the stored one, sealed
        // again for the host as it will be (BmcCredentials): a new name needs a new binding.
        String name = changes.name() != null ? changes.name() : current.name();
        String attributes = changes.controlAttributes() != null
                ? ControlAttributes.keepingPassword(changes.controlAttributes(), current.controlAttributes())
                : name.equals(current.name()) ? null : current.controlAttributes();
        changes = new HostChanges(changes.name(), changes.type(), credentials.sealedFor(name, attributes, current),
                changes.reserved(), changes.onMaintenance(), changes.priority());
        try {
            hosts.update(current, changes, UtcTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw hostNameTaken(changes.name());
        }
        log.info("Updated host {} ({}) in segment {}", current.name(), hostUuid, segment.name());
        return hostOf(segment, hostUuid);
    }

    public void deleteHost(String segmentUuid, String hostUuid) {
        Segment segment = lockSegment(segmentUuid);
        Host current = hostOf(segment, hostUuid);
        if (recoveriesInProgress.inSegment(segment.uuid())) {
            throw hostInUse(hostUuid);
        }
        hosts.softDelete(current.id(), UtcTime.now(clock));
        log.info("Deleted host {} ({}) from segment {}", current.name(), hostUuid, segment.name());
    }

    /** A host must be the host of a Nova nova-compute service (Masakari's rule). */
    private void requireNovaComputeHost(String name) {
        if (compute.computeService(name).isEmpty()) {
            throw new InvalidInputException("Compute service with name " + name + " could not be found.");
        }
    }

    private Segment lockSegment(String uuid) {
        return segments.lockByUuid(uuid).orElseThrow(() -> segmentNotFound(uuid));
    }

    private Segment lockSegmentNotInUse(String uuid) {
        Segment segment = lockSegment(uuid);
        if (recoveriesInProgress.inSegment(uuid)) {
            throw new ConflictException("Failover segment " + uuid
                    + " can't be updated as it is in-use to process notifications.");
        }
        return segment;
    }

    private Host hostOf(Segment segment, String hostUuid) {
        Host host = hosts.findByUuid(hostUuid).orElseThrow(() -> new NotFoundException("No host with id "
                + hostUuid + "."));
        if (host.segment().id() != segment.id()) {
            throw new NotFoundException("Host '" + hostUuid + "' is not under failover_segment " + segment.uuid()
                    + ".");
        }
        return host;
    }

    private static NotFoundException segmentNotFound(String uuid) {
        return new NotFoundException("No failover segment with id " + uuid + ".");
    }

    private static ConflictException segmentNameTaken(String name) {
        return new ConflictException("Failover segment with name " + name + " already exists.");
    }

    private static ConflictException hostNameTaken(String name) {
        return new ConflictException("Host with name " + name + " already exists.");
    }

    private static ConflictException hostInUse(String uuid) {
        return new ConflictException("Host " + uuid + " can't be updated as it is in-use to process notifications.");
    }
}
