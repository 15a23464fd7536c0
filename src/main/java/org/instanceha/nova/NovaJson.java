package org.instanceha.nova;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Nova bodies we read, as typed records with Nova's field names (2.53 for services and servers, 2.59 for
 * migrations; shapes as in ../shared/nova-samples), mapped into our records. Fields we do not read are ignored;
 * a missing field is null (or 0, false). A body that does not fit (a string where a number belongs) is Nova
 * answering something we cannot trust: {@link ComputeUnavailable}.
 */
final class NovaJson {

    private NovaJson() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServiceBody(String id, String host, String zone, String status, String state,
                       @JsonProperty("forced_down") Boolean forcedDown,
                       @JsonProperty("disabled_reason") String disabledReason,
                       @JsonProperty("updated_at") String updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FlavorBody(Integer vcpus, Integer ram, Integer ephemeral, Integer swap,
                      @JsonProperty("extra_specs") Map<String, String> extraSpecs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FaultBody(String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServerBody(String id, String name, String status,
                      @JsonProperty("OS-EXT-STS:vm_state") String vmState,
                      @JsonProperty("OS-EXT-STS:task_state") String taskState,
                      @JsonProperty("OS-EXT-STS:power_state") Integer powerState,
                      @JsonProperty("OS-EXT-SRV-ATTR:host") String host,
                      @JsonProperty("OS-EXT-SRV-ATTR:hypervisor_hostname") String hypervisorHostname,
                      Boolean locked, Map<String, String> metadata, FlavorBody flavor, FaultBody fault,
                      @JsonProperty("tenant_id") String tenantId, JsonNode image) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AggregateBody(long id, String name, List<String> hosts, Map<String, String> metadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HypervisorServiceBody(String host) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HypervisorBody(@JsonProperty("hypervisor_hostname") String hypervisorHostname,
                          HypervisorServiceBody service, Integer vcpus,
                          @JsonProperty("vcpus_used") Integer vcpusUsed,
                          @JsonProperty("memory_mb") Long memoryMb,
                          @JsonProperty("memory_mb_used") Long memoryMbUsed, String state, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MigrationBody(long id, @JsonProperty("instance_uuid") String instanceUuid,
                         @JsonProperty("source_compute") String sourceCompute,
                         @JsonProperty("dest_compute") String destCompute, String status,
                         @JsonProperty("migration_type") String migrationType) {
    }

    static ComputeServiceInfo service(ObjectMapper json, JsonNode node) {
        ServiceBody s = read(json, node, ServiceBody.class);
        return new ComputeServiceInfo(s.id(), s.host(), s.zone(), "enabled".equals(s.status()), "up".equals(s.state()),
                Boolean.TRUE.equals(s.forcedDown()), s.disabledReason(), s.updatedAt());
    }

    static Server server(ObjectMapper json, JsonNode node) {
        ServerBody s = read(json, node, ServerBody.class);
        FlavorBody flavor = s.flavor() == null ? new FlavorBody(null, null, null, null, null) : s.flavor();
        // A server booted from a volume shows "image": "" (an image-backed one an object with the image's id).
        boolean volumeBacked = s.image() != null && s.image().isTextual() && s.image().asText().isEmpty();
        ServerBuild build = new ServerBuild(volumeBacked, orZero(flavor.ephemeral()), orZero(flavor.swap()),
                flavor.extraSpecs() == null ? Map.of() : flavor.extraSpecs());
        return new Server(s.id(), s.name(), s.status(), s.vmState(), s.taskState(), orZero(s.powerState()), s.host(),
                s.hypervisorHostname(), Boolean.TRUE.equals(s.locked()), s.metadata() == null ? Map.of() : s.metadata(),
                orZero(flavor.vcpus()), orZero(flavor.ram()), s.fault() == null ? null : s.fault().message(),
                s.tenantId(), build);
    }

    static Aggregate aggregate(ObjectMapper json, JsonNode node) {
        AggregateBody a = read(json, node, AggregateBody.class);
        return new Aggregate(a.id(), a.name(), a.hosts() == null ? List.of() : a.hosts(),
                a.metadata() == null ? Map.of() : a.metadata());
    }

    static HypervisorCapacity hypervisor(ObjectMapper json, JsonNode node) {
        HypervisorBody h = read(json, node, HypervisorBody.class);
        String host = h.service() != null && h.service().host() != null ? h.service().host() : h.hypervisorHostname();
        return new HypervisorCapacity(host, h.hypervisorHostname(), orZero(h.vcpus()), orZero(h.vcpusUsed()),
                h.memoryMb() == null ? 0 : h.memoryMb(), h.memoryMbUsed() == null ? 0 : h.memoryMbUsed(),
                "up".equals(h.state()), "enabled".equals(h.status()));
    }

    static Migration migration(ObjectMapper json, JsonNode node) {
        MigrationBody m = read(json, node, MigrationBody.class);
        return new Migration(m.id(), m.instanceUuid(), m.sourceCompute(), m.destCompute(), m.status(),
                m.migrationType());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static <T> T read(ObjectMapper json, JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ComputeUnavailable("Nova's answer does not read as a " + type.getSimpleName()
                    .replace("Body", "").toLowerCase() + ": " + e.getMessage(), e);
        }
    }
}
