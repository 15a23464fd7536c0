package org.instanceha.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The cloud the simulator starts with, as written in its seed YAML. */
public record CloudSeed(List<ProjectSeed> projects, List<UserSeed> users, List<FlavorSeed> flavors,
                        List<HostSeed> hosts, List<AggregateSeed> aggregates, List<ServerSeed> servers) {

    public record ProjectSeed(String id, String name) {
    }

    /** A user with roles in one project, or ({@code system}) on the whole system and in no project. */
    public record UserSeed(String id, String name, String password, String project, List<String> roles,
                           boolean system) {
    }

    /** A flavor; {@code extra_specs} as Nova shows them ({@code hw:tpm_version} for a vTPM, say). */
    public record FlavorSeed(String id, String name, int vcpus, int ram, int disk, int ephemeral, int swap,
                             @JsonProperty("extra_specs") Map<String, String> extraSpecs) {

        public FlavorSeed {
            extraSpecs = extraSpecs == null ? Map.of() : Map.copyOf(extraSpecs);
        }
    }

    public record HostSeed(String name, int vcpus, @JsonProperty("memory_mb") long memoryMb, boolean disabled,
                           @JsonProperty("disabled_reason") String disabledReason) {
    }

    public record AggregateSeed(String name, List<String> hosts, Map<String, String> metadata) {
    }

    /** A server; {@code volume_backed}: booted from a volume (Nova then shows its {@code image} empty). */
    public record ServerSeed(String name, String host, String flavor, String project,
                             @JsonProperty("vm_state") String vmState, Map<String, String> metadata,
                             @JsonProperty("volume_backed") boolean volumeBacked) {
    }
}
