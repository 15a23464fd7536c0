package org.instanceha;

/** The users the test profile and {@link ApiIntegrationTest} set up. */
public final class TestUsers {
    /** The configured administrator (application.yaml, profile test). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** A Camunda user outside the admin group. */
    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator-password";

    private TestUsers() {
    }
}
