package org.instanceha.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.instanceha.common.CallerScope;
import org.instanceha.common.ForbiddenException;
import org.instanceha.common.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The policy of {@link DefaultPolicy}, overridden rule by rule by {@code instanceha.auth.policy-file} (YAML or
 * JSON, as oslo.policy's policy file). A file that cannot be read, or a rule instance-ha cannot read, stops the
 * start with a message that names it. A rule allows everything when it passes whatever the target's project;
 * it allows a project when it passes only for targets of the caller's own project.
 */
@Component
public class ApiPolicy implements Policy {

    private static final Logger log = LoggerFactory.getLogger(ApiPolicy.class);

    private final PolicyRules rules;
    private final CallerCredentials credentials;

    public ApiPolicy(AuthProperties auth, CallerCredentials credentials) {
        this.credentials = credentials;
        this.rules = read(auth.policyFile(), DefaultPolicy.rules(auth.keystoneRoles()));
    }

    static PolicyRules read(String file, Map<String, String> defaults) {
        Map<String, String> overrides = file == null || file.isBlank() ? Map.of()
                : overrides(Path.of(file), defaults);
        try {
            PolicyRules read = PolicyRules.of(defaults, overrides);
            if (!overrides.isEmpty()) {
                log.info("Policy file {}: {} rule(s) override the defaults: {}", file, overrides.size(),
                        overrides.keySet());
            }
            return read;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The policy file " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> overrides(Path file, Map<String, String> defaults) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException | YAMLException e) {
            throw new IllegalStateException("The policy file " + file + " (instanceha.auth.policy-file) cannot be "
                    + "read: " + e.getMessage(), e);
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalStateException("The policy file " + file + " is not a mapping of rule names to rules.");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        map.forEach((name, rule) -> {
            if (!(rule instanceof String text)) {
                throw new IllegalStateException("The policy file " + file + ": rule \"" + name + "\" is not a "
                        + "string.");
            }
            overrides.put(String.valueOf(name), text);
            if (!defaults.containsKey(String.valueOf(name))) {
                log.info("Policy file {}: rule \"{}\" is not one instance-ha enforces; other rules may use it",
                        file, name);
            }
        });
        return overrides;
    }

    @Override
    public CallerScope enforce(String rule) {
        return scopeOf(rule, current()).orElseThrow(() ->
                new ForbiddenException("Policy doesn't allow " + rule + " to be performed."));
    }

    /** Everything when the rule passes whatever the target's project; the caller's project when only for it. */
    private java.util.Optional<CallerScope> scopeOf(String rule, PolicyRules.Credentials caller) {
        if (rules.passes(rule, caller, null)) {
            return java.util.Optional.of(CallerScope.EVERYTHING);
        }
        if (caller.projectId() != null && rules.passes(rule, caller, caller.projectId())) {
            return java.util.Optional.of(CallerScope.project(caller.projectId()));
        }
        return java.util.Optional.empty();
    }

    @Override
    public boolean allowsEverything(String rule) {
        return rules.passes(rule, current(), null);
    }

    /**
     * The dashboard's check of a page: the rule must allow the caller everything it guards. A session opened
     * by a project user's Keystone login is for "My instances" alone, whatever its roles.
     */
    org.springframework.security.authorization.AuthorizationManager<
            org.springframework.security.web.access.intercept.RequestAuthorizationContext> dashboard(String rule) {
        return (authentication, request) -> {
            Authentication caller = authentication.get();
            boolean projectSession = caller != null && caller.getAuthorities().stream()
                    .anyMatch(a -> ProjectLoginController.PROJECT_USER.equals(a.getAuthority()));
            return new org.springframework.security.authorization.AuthorizationDecision(!projectSession
                    && rules.passes(rule, credentials.of(caller), null));
        };
    }

    /** Whether {@code rule} allows this caller what concerns their own project (or everything). */
    boolean allowsOwnProject(String rule, Authentication caller) {
        return scopeOf(rule, credentials.of(caller)).isPresent();
    }

    private PolicyRules.Credentials current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return credentials.of(authentication);
    }
}
