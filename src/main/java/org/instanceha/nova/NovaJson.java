package org.instanceha.nova;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Nova's JSON, read into our records: services, servers, aggregates. */
final class NovaJson {

    private NovaJson() {
    }

    static ComputeServiceInfo service(JsonNode s) {
        return new ComputeServiceInfo(s.path("id").asText(), s.path("host").asText(), text(s, "zone"),
                "enabled".equals(s.path("status").asText()), "up".equals(s.path("state").asText()),
                s.path("forced_down").asBoolean(false), text(s, "disabled_reason"), text(s, "updated_at"));
    }

    static Server server(JsonNode s) {
        Map<String, String> metadata = new HashMap<>();
        s.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        JsonNode flavor = s.path("flavor");
        return new Server(s.path("id").asText(), text(s, "name"), text(s, "status"),
                text(s, "OS-EXT-STS:vm_state"), text(s, "OS-EXT-STS:task_state"),
                s.path("OS-EXT-STS:power_state").asInt(0), text(s, "OS-EXT-SRV-ATTR:host"),
                text(s, "OS-EXT-SRV-ATTR:hypervisor_hostname"), s.path("locked").asBoolean(false), metadata,
                flavor.path("vcpus").asInt(0), flavor.path("ram").asInt(0), text(s.path("fault"), "message"),
                text(s, "tenant_id"));
    }

    static Aggregate aggregate(JsonNode a) {
        List<String> hosts = new ArrayList<>();
        a.path("hosts").forEach(h -> hosts.add(h.asText()));
        Map<String, String> metadata = new HashMap<>();
        a.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return new Aggregate(a.path("id").asLong(), text(a, "name"), hosts, metadata);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
