package org.instanceha.segment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.instanceha.common.ConflictException;
import org.instanceha.common.SqlTime;
import org.instanceha.common.UtcTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code segment_policies} table: each segment's {@link SegmentPolicy}, the defaults where it has no row. */
@Service
public class SegmentPolicies {

    private static final Logger log = LoggerFactory.getLogger(SegmentPolicies.class);

    private final JdbcClient jdbc;
    private final SegmentService segments;
    private final Clock clock;

    public SegmentPolicies(JdbcClient jdbc, SegmentService segments, Clock clock) {
        this.jdbc = jdbc;
        this.segments = segments;
        this.clock = clock;
    }

    /** The policy of a live segment by uuid (404 when there is none). */
    public SegmentPolicy of(String segmentUuid) {
        return of(segments.getSegment(segmentUuid).id());
    }

    public SegmentPolicy of(long segmentId) {
        return stored(segmentId).orElse(SegmentPolicy.DEFAULTS);
    }

    /** Changes a live segment's policy; returns the policy now in force. */
    @Transactional
    public SegmentPolicy update(String segmentUuid, SegmentPolicy.Changes changes) {
        Segment segment = segments.getSegment(segmentUuid);
        SegmentPolicy updated = of(segment.id()).with(changes, UtcTime.now(clock));
        if (write("""
                UPDATE segment_policies SET return_to_service = :ret, failback = :failback, failures_to_tolerate = :ftt,
                       failure_domain = :domain, instance_storage = :storage, service_projects = :projects,
                       service_instance_names = :names, action_volume_backed = :volume_backed,
                       action_shared_ephemeral = :shared_ephemeral, action_local_ephemeral = :local_ephemeral,
                       action_not_evacuable = :not_evacuable, action_service_owned = :service_owned,
                       updated_at = :now
                WHERE segment_id = :segment""", segment.id(), updated) == 0) {
            try {
                write("""
                        INSERT INTO segment_policies (segment_id, return_to_service, failback, failures_to_tolerate,
                                                      failure_domain, instance_storage, service_projects,
                                                      service_instance_names, action_volume_backed,
                                                      action_shared_ephemeral, action_local_ephemeral,
                                                      action_not_evacuable, action_service_owned, updated_at)
                        VALUES (:segment, :ret, :failback, :ftt, :domain, :storage, :projects, :names,
                                :volume_backed, :shared_ephemeral, :local_ephemeral, :not_evacuable, :service_owned,
                                :now)""", segment.id(), updated);
            } catch (DuplicateKeyException e) {
                throw new ConflictException("The policy of segment " + segmentUuid
                        + " was changed at the same time; send the change again.");
            }
        }
        EvacuationPolicy evacuation = updated.evacuation();
        log.info("Policy of segment {} ({}): return_to_service={}, failback={}, failures_to_tolerate={}, "
                        + "failure_domain={}, instance_storage={}, service_projects={}, service_instance_names={}, "
                        + "evacuation_actions={}", segment.name(), segment.uuid(), updated.returnToService().wireName(),
                updated.failback(), updated.failuresToTolerate(), updated.failureDomain().wireName(),
                evacuation.storage().wireName(), evacuation.serviceProjects(), evacuation.serviceInstanceNames(),
                evacuation.actions());
        return updated;
    }

    private int write(String sql, long segmentId, SegmentPolicy policy) {
        EvacuationPolicy evacuation = policy.evacuation();
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("storage", evacuation.storage().wireName())
                .param("projects", String.join("\n", evacuation.serviceProjects()))
                .param("names", String.join("\n", evacuation.serviceInstanceNames()));
        for (EvacuationClass c : EvacuationClass.values()) {
            statement = statement.param(c.wireName(), evacuation.actionFor(c).wireName());
        }
        return statement
                .param("segment", segmentId)
                .param("ret", policy.returnToService().wireName())
                .param("failback", policy.failback())
                .param("ftt", policy.failuresToTolerate())
                .param("domain", policy.failureDomain().wireName())
                .param("now", Timestamp.valueOf(policy.updatedAt()))
                .update();
    }

    private Optional<SegmentPolicy> stored(long segmentId) {
        return jdbc.sql("""
                        SELECT * FROM segment_policies WHERE segment_id = :s""")
                .param("s", segmentId)
                .query((rs, n) -> new SegmentPolicy(ReturnToService.fromWire(rs.getString("return_to_service"))
                        .orElseThrow(), rs.getBoolean("failback"), rs.getInt("failures_to_tolerate"),
                        FailureDomain.fromWire(rs.getString("failure_domain")).orElseThrow(), evacuation(rs),
                        SqlTime.read(rs, "updated_at")))
                .optional();
    }

    private static EvacuationPolicy evacuation(ResultSet rs) throws SQLException {
        Map<EvacuationClass, EvacuationAction> actions = new EnumMap<>(EvacuationClass.class);
        for (EvacuationClass c : EvacuationClass.values()) {
            actions.put(c, EvacuationAction.fromWire(rs.getString("action_" + c.wireName())).orElseThrow());
        }
        return new EvacuationPolicy(InstanceStorage.fromWire(rs.getString("instance_storage")).orElseThrow(),
                lines(rs.getString("service_projects")), lines(rs.getString("service_instance_names")), actions);
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
}
