package org.instanceha.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of the simulated Nova, field for field as Nova 26 answers at each microversion. */
final class NovaViews {

    static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String IMAGE_ID = "57269e81-d7a5-47b7-ac3b-2ac6bbfbe2e6";

    private NovaViews() {
    }

    static Map<String, Object> service(SimulatedCloud cloud, SimulatedHost h, NovaVersion v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("binary", "nova-compute");
        s.put("host", h.name);
        s.put("id", v.atLeast(53) ? h.serviceId : h.serviceNumber);
        s.put("zone", "nova");
        s.put("status", h.enabled ? "enabled" : "disabled");
        s.put("state", cloud.serviceUp(h) ? "up" : "down");
        s.put("updated_at", MICROS.format(cloud.lastHeartbeat(h)));
        s.put("disabled_reason", h.disabledReason);
        if (v.atLeast(11)) {
            s.put("forced_down", h.forcedDown);
        }
        return s;
    }

    /** The control-plane services a real Nova lists next to the computes. */
    static List<Map<String, Object>> controlServices(NovaVersion v, Instant now) {
        List<Map<String, Object>> result = new ArrayList<>();
        String[][] services = {{"nova-conductor", "0e4d4a05-1a69-408b-a3ee-ef75bc3a5958", "1"},
                {"nova-scheduler", "dc5f60c1-c777-4a00-a31a-508a9a47a1b7", "2"}};
        for (String[] service : services) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("binary", service[0]);
            s.put("host", "controller");
            s.put("id", v.atLeast(53) ? service[1] : Integer.parseInt(service[2]));
            s.put("zone", "internal");
            s.put("status", "enabled");
            s.put("state", "up");
            s.put("updated_at", MICROS.format(now));
            s.put("disabled_reason", null);
            if (v.atLeast(11)) {
                s.put("forced_down", false);
            }
            result.add(s);
        }
        return result;
    }

    private static final java.util.Set<Object> PROGRESS_STATUSES = java.util.Set.of("ACTIVE", "BUILD", "REBUILD",
            "RESIZE", "VERIFY_RESIZE", "MIGRATING");

    static Map<String, Object> server(SimulatedCloud cloud, SimulatedServer s, NovaVersion v, String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("name", s.name);
        m.put("status", status(s));
        m.put("tenant_id", s.projectId);
        m.put("user_id", s.userId);
        m.put("metadata", new LinkedHashMap<>(s.metadata));
        m.put("hostId", hostId(s.projectId, s.host));
        m.put("image", s.volumeBacked ? "" : Map.of("id", IMAGE_ID, "links",
                List.of(link("bookmark", base + "/images/" + IMAGE_ID))));
        if (v.atLeast(47)) {
            Map<String, Object> flavor = new LinkedHashMap<>();
            flavor.put("vcpus", s.flavor.vcpus());
            flavor.put("ram", s.flavor.ram());
            flavor.put("disk", s.flavor.disk());
            flavor.put("ephemeral", s.flavor.ephemeral());
            flavor.put("swap", s.flavor.swap());
            flavor.put("original_name", s.flavor.name());
            flavor.put("extra_specs", new LinkedHashMap<>(s.flavor.extraSpecs()));
            m.put("flavor", flavor);
        } else {
            m.put("flavor", Map.of("id", s.flavor.id(), "links",
                    List.of(link("bookmark", base + "/flavors/" + s.flavor.id()))));
        }
        m.put("created", SECONDS.format(s.created));
        m.put("updated", SECONDS.format(s.updated));
        m.put("addresses", Map.of());
        m.put("accessIPv4", "");
        m.put("accessIPv6", "");
        m.put("links", List.of(link("self", base + "/v2.1/servers/" + s.id), link("bookmark",
                base + "/servers/" + s.id)));
        m.put("OS-DCF:diskConfig", "MANUAL");
        if (PROGRESS_STATUSES.contains(m.get("status"))) { // Nova's views/servers.py _progress_statuses
            m.put("progress", 0);
        }
        m.put("OS-EXT-AZ:availability_zone", "nova");
        m.put("config_drive", "");
        m.put("key_name", null);
        m.put("OS-SRV-USG:launched_at", MICROS.format(s.created));
        m.put("OS-SRV-USG:terminated_at", null);
        m.put("OS-EXT-SRV-ATTR:host", s.host);
        m.put("OS-EXT-SRV-ATTR:instance_name", String.format("instance-%08x", s.index));
        m.put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host);
        if (v.atLeast(3)) {
            m.put("OS-EXT-SRV-ATTR:reservation_id", "r-" + s.id.substring(0, 8));
            m.put("OS-EXT-SRV-ATTR:launch_index", 0);
            m.put("OS-EXT-SRV-ATTR:hostname", s.name);
            m.put("OS-EXT-SRV-ATTR:kernel_id", "");
            m.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
            m.put("OS-EXT-SRV-ATTR:root_device_name", "/dev/sda");
            m.put("OS-EXT-SRV-ATTR:user_data", null);
        }
        m.put("OS-EXT-STS:task_state", s.taskState);
        m.put("OS-EXT-STS:vm_state", s.vmState);
        m.put("OS-EXT-STS:power_state", s.powerState);
        m.put("os-extended-volumes:volumes_attached", List.of());
        if ("error".equals(s.vmState) && s.fault != null) {
            m.put("fault", Map.of("code", 500, "created", SECONDS.format(s.updated), "message", s.fault));
        }
        if (v.atLeast(16)) {
            m.put("host_status", hostStatus(cloud, s));
        }
        if (v.atLeast(9)) {
            m.put("locked", s.locked);
        }
        if (v.atLeast(19)) {
            m.put("description", null);
        }
        if (v.atLeast(26)) {
            m.put("tags", List.of());
        }
        return m;
    }

    static String status(SimulatedServer s) {
        if ("rebuilding".equals(s.taskState)) {
            return "REBUILD";
        }
        return switch (s.vmState) {
            case "active" -> "ACTIVE";
            case "stopped" -> "SHUTOFF";
            case "error" -> "ERROR";
            case "paused" -> "PAUSED";
            case "rescued" -> "RESCUE";
            case "resized" -> "VERIFY_RESIZE";
            default -> s.vmState.toUpperCase();
        };
    }

    private static String hostStatus(SimulatedCloud cloud, SimulatedServer s) {
        return cloud.findHost(s.host).map(h -> !cloud.serviceUp(h) ? "DOWN" : h.enabled ? "UP" : "MAINTENANCE")
                .orElse("UNKNOWN");
    }

    static Map<String, Object> hypervisor(SimulatedCloud cloud, SimulatedHost h, NovaVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.atLeast(53) ? h.hypervisorId : h.serviceNumber - 2);
        m.put("hypervisor_hostname", h.name);
        m.put("state", cloud.serviceUp(h) ? "up" : "down");
        m.put("status", h.enabled ? "enabled" : "disabled");
        m.put("hypervisor_type", "fake");
        m.put("hypervisor_version", 1000);
        m.put("host_ip", "127.0.0.1");
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", v.atLeast(53) ? h.serviceId : h.serviceNumber);
        service.put("host", h.name);
        service.put("disabled_reason", h.disabledReason);
        m.put("service", service);
        if (v.atLeast(88)) {
            m.put("uptime", null);
            return m;
        }
        int usedVcpus = cloud.usedVcpus(h);
        long usedMemory = cloud.usedMemory(h) + 512;
        m.put("vcpus", h.vcpus);
        m.put("memory_mb", h.memoryMb);
        m.put("local_gb", 1028);
        m.put("vcpus_used", usedVcpus);
        m.put("memory_mb_used", usedMemory);
        m.put("local_gb_used", cloud.runningVms(h));
        m.put("free_ram_mb", h.memoryMb - usedMemory);
        m.put("free_disk_gb", 1028 - cloud.runningVms(h));
        m.put("current_workload", 0);
        m.put("running_vms", cloud.runningVms(h));
        m.put("disk_available_least", 0);
        Map<String, Object> cpuInfo = new LinkedHashMap<>();
        cpuInfo.put("arch", "x86_64");
        cpuInfo.put("model", "Nehalem");
        cpuInfo.put("vendor", "Intel");
        cpuInfo.put("features", List.of("pge", "clflush"));
        cpuInfo.put("topology", Map.of("cores", 1, "threads", 1, "sockets", 4));
        // Before 2.28 Nova sends cpu_info as a JSON-encoded string.
        m.put("cpu_info", v.atLeast(28) ? cpuInfo : toJson(cpuInfo));
        return m;
    }

    static Map<String, Object> aggregate(SimulatedAggregate a, NovaVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id);
        if (v.atLeast(41)) {
            m.put("uuid", a.uuid);
        }
        m.put("name", a.name);
        m.put("hosts", List.copyOf(a.hosts));
        m.put("metadata", new LinkedHashMap<>(a.metadata));
        m.put("created_at", MICROS.format(a.created));
        m.put("updated_at", a.updated == null ? null : MICROS.format(a.updated));
        m.put("deleted_at", null);
        m.put("deleted", false);
        m.put("availability_zone", null);
        return m;
    }

    static Map<String, Object> migration(SimulatedMigration mig, NovaVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", mig.id);
        if (v.atLeast(59)) {
            m.put("uuid", mig.uuid);
        }
        m.put("source_compute", mig.source);
        m.put("dest_compute", mig.dest);
        m.put("source_node", mig.source);
        m.put("dest_node", mig.dest);
        m.put("dest_host", mig.dest == null ? null : "127.0.0.1");
        m.put("old_instance_type_id", null);
        m.put("new_instance_type_id", null);
        m.put("instance_uuid", mig.instanceUuid);
        m.put("status", mig.status);
        if (v.atLeast(23)) {
            m.put("migration_type", mig.type);
        }
        m.put("created_at", MICROS.format(mig.created));
        m.put("updated_at", mig.updated == null ? MICROS.format(mig.created) : MICROS.format(mig.updated));
        return m;
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> link(String rel, String href) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("rel", rel);
        link.put("href", href);
        return link;
    }

    private static String hostId(String projectId, String host) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-224")
                    .digest((projectId + host).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
