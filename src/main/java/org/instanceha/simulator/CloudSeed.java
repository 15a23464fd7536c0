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

    public record FlavorSeed(String id, String name, int vcpus, int ram, int disk) {
    }

    public record HostSeed(String name, int vcpus, @JsonProperty("memory_mb") long memoryMb, boolean disabled,
                           @JsonProperty("disabled_reason") String disabledReason) {
    }

    public record AggregateSeed(String name, List<String> hosts, Map<String, String> metadata) {
    }

    public record ServerSeed(String name, String host, String flavor, String project,
                             @JsonProperty("vm_state") String vmState, Map<String, String> metadata) {
    }
}
