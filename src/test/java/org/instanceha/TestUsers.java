package org.instanceha;

/** The users the test profile and {@link ApiIntegrationTest} set up. */
public final class TestUsers {
    /** The configured administrator (application.yaml, profile test). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** A Camunda user outside the admin group. */
    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator-password";
    /** Reads everything: group instanceha-readers; in keystone mode the simulator's system-scoped auditor. */
    public static final String READER = "auditor";
    public static final String READER_PASSWORD = "auditor-password";
    /** A member of project demo (A): group project-&lt;demo&gt;; in keystone mode the simulator's demo. */
    public static final String MEMBER_A = "alice";
    public static final String MEMBER_A_PASSWORD = "alice-password";
    /** A member of project alt (B): group project-&lt;alt&gt;; in keystone mode the simulator's alt. */
    public static final String MEMBER_B = "bob";
    public static final String MEMBER_B_PASSWORD = "bob-password";
    /** The simulated cloud's projects. */
    public static final String PROJECT_A = "f2e949be43074e8fa5be0a3d22bd0eae";
    public static final String PROJECT_B = "3c1d5e0f9a8b4c7d8e6f5a4b3c2d1e0f";

    private TestUsers() {
    }
}
