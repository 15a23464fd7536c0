package org.instanceha.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules instance-ha enforces and their defaults, under Masakari's names where Masakari has the rule, so
 * that an operator's existing Masakari overrides read the same. Masakari's own defaults make every rule
 * admin-only; ours add two readers: a {@code reader} with a system-scoped token reads everything, and a
 * project's {@code member} or {@code reader} reads what concerns that project. Writes stay admin-only.
 */
public final class DefaultPolicy {

    public static final String SEGMENTS = "os_masakari_api:segments:";
    public static final String HOSTS = "os_masakari_api:os-hosts:";
    public static final String NOTIFICATIONS = "os_masakari_api:notifications:";
    public static final String VMOVES = "os_masakari_api:vmoves:";
    public static final String VERSIONS_INDEX = "os_masakari_api:versions:index";
    /** Ours: the recovery plan of a segment (it names every project's instances). */
    public static final String RECOVERY_PLAN = "instanceha:segments:recovery_plan";
    /** Ours: a host's {@code control_attributes} (its BMC's address and user) in host answers. */
    public static final String HOST_CONTROL_ATTRIBUTES = "instanceha:os-hosts:control_attributes";

    /** Ours: a project user's dashboard login, for "My instances". */
    public static final String MY_INSTANCES = "instanceha:dashboard:my_instances";

    private static final String ADMIN = "rule:admin_api";
    private static final String READER = "rule:admin_api or rule:system_reader_api";
    private static final String READER_OR_PROJECT = READER + " or rule:project_reader_api";

    private DefaultPolicy() {
    }

    /**
     * Every rule with its default, in the order the documentation lists them.
     *
     * @param adminRoles the Keystone roles that make a caller an administrator ({@code instanceha.auth.keystone-roles})
     */
    public static Map<String, String> rules(List<String> adminRoles) {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("context_is_admin", adminRoles.stream().map(r -> "role:" + r).collect(Collectors.joining(" or ")));
        rules.put("admin_api", "is_admin:True");
        rules.put("admin_or_owner", "is_admin:True or project_id:%(project_id)s");
        rules.put("system_reader_api", "role:reader and system_scope:all");
        rules.put("project_reader_api", "(role:reader or role:member) and project_id:%(project_id)s");
        rules.put(VERSIONS_INDEX, "@");
        for (String action : new String[] {"index", "detail"}) {
            rules.put(SEGMENTS + action, READER_OR_PROJECT);
        }
        write(rules, SEGMENTS);
        rules.put(RECOVERY_PLAN, READER);
        for (String action : new String[] {"index", "detail"}) {
            rules.put(HOSTS + action, READER);
        }
        write(rules, HOSTS);
        rules.put(HOST_CONTROL_ATTRIBUTES, ADMIN);
        rules.put(NOTIFICATIONS + "index", READER_OR_PROJECT);
        rules.put(NOTIFICATIONS + "detail", READER_OR_PROJECT);
        rules.put(NOTIFICATIONS + "create", ADMIN);
        rules.put(VMOVES + "index", READER_OR_PROJECT);
        rules.put(VMOVES + "detail", READER_OR_PROJECT);
        rules.put(MY_INSTANCES, "rule:project_reader_api");
        return rules;
    }

    private static void write(Map<String, String> rules, String prefix) {
        for (String action : new String[] {"create", "update", "delete"}) {
            rules.put(prefix + action, ADMIN);
        }
    }
}
