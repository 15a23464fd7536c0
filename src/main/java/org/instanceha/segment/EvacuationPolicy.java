package org.instanceha.segment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.instanceha.common.FieldRules;

/**
 * The part of a segment's policy that says how each instance of a failed host is recovered: where the hosts keep
 * instance disks ({@code instance_storage}), which instances belong to a service that recreates them itself
 * ({@code service_projects}, {@code service_instance_names}: glob patterns with {@code *} and {@code ?}), and
 * the action for each {@link EvacuationClass} ({@code evacuation_actions}).
 */
public record EvacuationPolicy(InstanceStorage storage, List<String> serviceProjects,
                               List<String> serviceInstanceNames, Map<EvacuationClass, EvacuationAction> actions) {

    /** The most entries a list of the policy may hold. */
    public static final int MAX_ENTRIES = 50;
    private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * Shared storage (what every cloud that recovered with instance-ha so far had: an upgrade changes nothing),
     * no service's instances; local ephemeral instances asked about, not evacuable ones skipped, the rest evacuated.
     */
    public static final EvacuationPolicy DEFAULTS = new EvacuationPolicy(InstanceStorage.SHARED, List.of(), List.of(),
            Map.of(EvacuationClass.LOCAL_EPHEMERAL, EvacuationAction.ASK,
                    EvacuationClass.NOT_EVACUABLE, EvacuationAction.SKIP));

    /** Every class has its action: the given ones, {@code evacuate} for those not given. */
    public EvacuationPolicy {
        serviceProjects = List.copyOf(serviceProjects);
        serviceInstanceNames = List.copyOf(serviceInstanceNames);
        EnumMap<EvacuationClass, EvacuationAction> all = new EnumMap<>(EvacuationClass.class);
        for (EvacuationClass c : EvacuationClass.values()) {
            all.put(c, actions.getOrDefault(c, EvacuationAction.EVACUATE));
        }
        actions = java.util.Collections.unmodifiableMap(all);
    }

    public EvacuationAction actionFor(EvacuationClass evacuationClass) {
        return actions.get(evacuationClass);
    }

    /** Whether the instance belongs to a service: its project is one of the policy's, or its name matches. */
    public boolean ownedByService(String projectId, String instanceName) {
        return serviceProjects.contains(projectId) || (instanceName != null
                && serviceInstanceNames.stream().anyMatch(p -> glob(p).matcher(instanceName).matches()));
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** This policy with the given changes (null: unchanged; actions merge into the present ones). */
    public EvacuationPolicy with(Changes changes) {
        Map<EvacuationClass, EvacuationAction> merged = new EnumMap<>(actions);
        if (changes.actions() != null) {
            merged.putAll(changes.actions());
        }
        return new EvacuationPolicy(changes.storage() != null ? changes.storage() : storage,
                changes.serviceProjects() != null ? changes.serviceProjects() : serviceProjects,
                changes.serviceInstanceNames() != null ? changes.serviceInstanceNames() : serviceInstanceNames,
                merged);
    }

    /**
     * An update of these fields, each null when it stays; checked here, in the words of the API's schema, for the
     * API and the dashboard alike: at most {@value #MAX_ENTRIES} project ids ({@code [A-Za-z0-9_-]}, 1 to 64) and
     * name patterns (printable, 1 to 255), and no action that would rebuild an instance Nova cannot rebuild.
     */
    public record Changes(InstanceStorage storage, List<String> serviceProjects, List<String> serviceInstanceNames,
                          Map<EvacuationClass, EvacuationAction> actions) {

        public static final Changes NONE = new Changes(null, null, null, null);

        public Changes {
            if (serviceProjects != null) {
                serviceProjects = checked("service_projects", serviceProjects);
                serviceProjects.forEach(p -> FieldRules.matching("service_projects", p, 1, 64, PROJECT_ID));
            }
            if (serviceInstanceNames != null) {
                serviceInstanceNames = checked("service_instance_names", serviceInstanceNames);
                serviceInstanceNames.forEach(n -> FieldRules.name("service_instance_names", n));
            }
            if (actions != null) {
                EvacuationAction notEvacuable = actions.get(EvacuationClass.NOT_EVACUABLE);
                if (notEvacuable == EvacuationAction.EVACUATE || notEvacuable == EvacuationAction.EVACUATE_STOPPED) {
                    throw FieldRules.invalid("evacuation_actions", notEvacuable.wireName(), "Nova cannot rebuild a "
                            + "not_evacuable instance elsewhere: its action is 'skip' or 'ask'.");
                }
                actions = Map.copyOf(actions);
            }
        }

        private static List<String> checked(String field, List<String> values) {
            if (values.size() > MAX_ENTRIES) {
                throw FieldRules.invalid(field, values.size() + " entries", "At most " + MAX_ENTRIES
                        + " entries are allowed.");
            }
            return List.copyOf(values);
        }
    }
}
