package org.instanceha.security;

import static org.instanceha.common.PolicyNames.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules instance-ha enforces and their defaults, under Masakari's names where Masakari has the rule, so
 * that an operator's existing Masakari overrides read the same (the names are in
 * {@link org.instanceha.common.PolicyNames}). Masakari's own defaults make every rule admin-only; ours add two
 * readers: a {@code reader} with a system-scoped token reads everything, and a project's {@code member} or
 * {@code reader} reads what concerns that project. Writes stay admin-only.
 */
public final class DefaultPolicy {

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
        rules.put(SEGMENTS_INDEX, READER_OR_PROJECT);
        rules.put(SEGMENTS_DETAIL, READER_OR_PROJECT);
        rules.put(SEGMENTS_CREATE, ADMIN);
        rules.put(SEGMENTS_UPDATE, ADMIN);
        rules.put(SEGMENTS_DELETE, ADMIN);
        rules.put(SEGMENTS_RECOVERY_PLAN, READER);
        rules.put(SEGMENTS_POLICY_DETAIL, READER);
        rules.put(SEGMENTS_POLICY_UPDATE, ADMIN);
        rules.put(HOSTS_INDEX, READER);
        rules.put(HOSTS_DETAIL, READER);
        rules.put(HOSTS_CREATE, ADMIN);
        rules.put(HOSTS_UPDATE, ADMIN);
        rules.put(HOSTS_DELETE, ADMIN);
        rules.put(HOSTS_CONTROL_ATTRIBUTES, ADMIN);
        rules.put(NOTIFICATIONS_INDEX, READER_OR_PROJECT);
        rules.put(NOTIFICATIONS_DETAIL, READER_OR_PROJECT);
        rules.put(NOTIFICATIONS_CREATE, ADMIN);
        rules.put(VMOVES_INDEX, READER_OR_PROJECT);
        rules.put(VMOVES_DETAIL, READER_OR_PROJECT);
        rules.put(DASHBOARD_MY_INSTANCES, "rule:project_reader_api");
        return rules;
    }
}
