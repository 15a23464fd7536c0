package org.instanceha.common;

/**
 * The names of the policy rules instance-ha enforces, in one place: the v1 handlers name theirs in
 * {@code @PolicyRule}, the dashboard and the project users' login ask {@link Policy} by them, and the default
 * policy gives each its default. Masakari's names where Masakari has the rule ({@code os_masakari_api:...}), so
 * that an operator's existing Masakari policy file reads the same; ours start with {@code instanceha:}.
 * They live here, beside the {@link Policy} port, because the API, the dashboard and security all ask by them
 * and none of those may use another's package.
 */
public final class PolicyNames {

    public static final String VERSIONS_INDEX = "os_masakari_api:versions:index";

    public static final String SEGMENTS_INDEX = "os_masakari_api:segments:index";
    public static final String SEGMENTS_DETAIL = "os_masakari_api:segments:detail";
    public static final String SEGMENTS_CREATE = "os_masakari_api:segments:create";
    public static final String SEGMENTS_UPDATE = "os_masakari_api:segments:update";
    public static final String SEGMENTS_DELETE = "os_masakari_api:segments:delete";
    /** Ours: the recovery plan of a segment (it names every project's instances). */
    public static final String SEGMENTS_RECOVERY_PLAN = "instanceha:segments:recovery_plan";
    /** Ours: a segment's policy (return to service, failback). */
    public static final String SEGMENTS_POLICY_DETAIL = "instanceha:segments:policy:detail";
    public static final String SEGMENTS_POLICY_UPDATE = "instanceha:segments:policy:update";

    public static final String HOSTS_INDEX = "os_masakari_api:os-hosts:index";
    public static final String HOSTS_DETAIL = "os_masakari_api:os-hosts:detail";
    public static final String HOSTS_CREATE = "os_masakari_api:os-hosts:create";
    public static final String HOSTS_UPDATE = "os_masakari_api:os-hosts:update";
    public static final String HOSTS_DELETE = "os_masakari_api:os-hosts:delete";
    /** Ours: a host's {@code control_attributes} (its BMC's address and user) in host answers and pages. */
    public static final String HOSTS_CONTROL_ATTRIBUTES = "instanceha:os-hosts:control_attributes";

    public static final String NOTIFICATIONS_INDEX = "os_masakari_api:notifications:index";
    public static final String NOTIFICATIONS_DETAIL = "os_masakari_api:notifications:detail";
    public static final String NOTIFICATIONS_CREATE = "os_masakari_api:notifications:create";

    public static final String VMOVES_INDEX = "os_masakari_api:vmoves:index";
    public static final String VMOVES_DETAIL = "os_masakari_api:vmoves:detail";

    /** Ours: a project user's dashboard login, for "My instances". */
    public static final String DASHBOARD_MY_INSTANCES = "instanceha:dashboard:my_instances";
    /**
     * The operators' dashboard pages: readable by whoever the rule allows everything (every project's
     * segments); changed by whoever the segments' update rule allows everything.
     */
    public static final String DASHBOARD_READ = SEGMENTS_INDEX;
    public static final String DASHBOARD_WRITE = SEGMENTS_UPDATE;

    private PolicyNames() {
    }
}
