package org.instanceha.masakari;

import java.util.LinkedHashMap;
import java.util.Map;

import org.instanceha.common.UtcTime;
import org.instanceha.segment.RecoveryPlans;

/** The JSON of {@code GET /v1/segments/{id}/recovery-plan}, in the API's snake_case. */
final class RecoveryPlanView {

    private RecoveryPlanView() {
    }

    static Map<String, Object> of(RecoveryPlans.RecoveryPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("segment_uuid", plan.segmentUuid());
        m.put("segment_name", plan.segmentName());
        m.put("recovery_method", plan.method().wireName());
        m.put("computed_at", UtcTime.format(plan.computedAt()));
        m.put("survivable_hosts", plan.survivableHosts());
        var headroom = plan.headroom();
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("biggest_host", headroom.biggestHost());
        room.put("load_vcpus", headroom.loadVcpus());
        room.put("load_ram_mb", headroom.loadRamMb());
        room.put("free_vcpus", headroom.freeVcpus());
        room.put("free_ram_mb", headroom.freeRamMb());
        room.put("capacity_vcpus", headroom.capacityVcpus());
        room.put("capacity_ram_mb", headroom.capacityRamMb());
        room.put("percent", headroom.percent());
        room.put("survives_biggest_host", headroom.survivesBiggestHost());
        room.put("meets_guidance", headroom.meetsGuidance());
        m.put("headroom", room);
        var tolerance = plan.tolerance();
        m.put("failures_to_tolerate", tolerance.failuresToTolerate());
        m.put("failure_domain", tolerance.failureDomain().wireName());
        m.put("tolerated_host_failures", tolerance.toleratedFailures());
        m.put("tolerance_checked_up_to", tolerance.checkedUpTo());
        m.put("meets_failures_to_tolerate", tolerance.meetsPolicy());
        m.put("worst_case", worstCase(tolerance.worstCase()));
        m.put("hosts", plan.hosts().stream().map(h -> {
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("name", h.host());
            host.put("reserved", h.reserved());
            host.put("on_maintenance", h.onMaintenance());
            host.put("survivable", h.survivable());
            host.put("instances_not_fitting", h.notFitting());
            host.put("unprotected_instances", h.unprotected());
            host.put("busiest_target_rebuilds", h.busiestTargetRebuilds());
            host.put("instances", h.instances().stream().map(i -> {
                Map<String, Object> instance = new LinkedHashMap<>();
                instance.put("id", i.uuid());
                instance.put("name", i.name());
                instance.put("vcpus", i.vcpus());
                instance.put("ram_mb", i.ramMb());
                instance.put("target_host", i.targetHost());
                instance.put("reason", i.reason());
                instance.put("restart_priority", i.priority());
                instance.put("evacuation_class", i.evacuationClass());
                instance.put("action", i.action());
                instance.put("rebuild_on_target", h.rebuildOnTarget(i));
                return instance;
            }).toList());
            return host;
        }).toList());
        return m;
    }

    private static Map<String, Object> worstCase(RecoveryPlans.WorstCase worst) {
        if (worst == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("failures", worst.failures());
        m.put("failed_domains", worst.domains());
        m.put("failed_hosts", worst.hosts());
        m.put("instances_not_placed", worst.missing().size());
        m.put("instances", worst.missing().stream().map(i -> {
            Map<String, Object> instance = new LinkedHashMap<>();
            instance.put("id", i.uuid());
            instance.put("name", i.name());
            instance.put("host", i.host());
            instance.put("vcpus", i.vcpus());
            instance.put("ram_mb", i.ramMb());
            return instance;
        }).toList());
        return m;
    }
}
