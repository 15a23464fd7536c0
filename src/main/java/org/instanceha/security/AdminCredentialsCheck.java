package org.instanceha.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an administrator password, and, under the {@code prod} profile, with one
 * that is a well-known default or too short. Runs before any bean exists, so that the engine never
 * creates an administrator with a password nobody chose.
 */
public class AdminCredentialsCheck implements EnvironmentPostProcessor {

    static final String PROPERTY = "instanceha.auth.admin-password";
    private static final Set<String> KNOWN_DEFAULTS = Set.of("admin", "secret", "password", "changeme", "demo",
            "camunda", "instanceha", "instance-ha", "masakari", "openstack", "123456", "12345678", "test");
    private static final int PROD_MIN_LENGTH = 12;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String password = environment.getProperty(PROPERTY);
        boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        String problem = problem(password, prod);
        if (problem != null) {
            throw new IllegalStateException(problem + " Set " + PROPERTY
                    + " (environment variable INSTANCEHA_AUTH_ADMIN_PASSWORD).");
        }
    }

    /** What is wrong with the password, or null when it may be used. */
    static String problem(String password, boolean prod) {
        if (password == null || password.isBlank()) {
            return "No administrator password is configured.";
        }
        if (prod && KNOWN_DEFAULTS.contains(password.toLowerCase(Locale.ROOT))) {
            return "The administrator password is a well-known default; the prod profile refuses it.";
        }
        if (prod && password.length() < PROD_MIN_LENGTH) {
            return "The administrator password is shorter than " + PROD_MIN_LENGTH
                    + " characters; the prod profile refuses it.";
        }
        return null;
    }
}
