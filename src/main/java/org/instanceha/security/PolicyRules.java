package org.instanceha.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Policy rules in the subset of oslo.policy's syntax that instance-ha reads: {@code role:<name>},
 * {@code rule:<name>}, {@code is_admin:True|False}, {@code project_id:%(project_id)s} (the project of what is
 * read) or {@code project_id:<id>}, {@code system_scope:all}, {@code @} (always), {@code !} (never), the empty
 * rule (always), {@code and}, {@code or}, {@code not} and parentheses. Anything else is refused when the rules
 * are read, as are references to rules that do not exist, rules that refer to themselves, and {@code not}
 * around a project check (it would grant the most when the project is unknown).
 */
public final class PolicyRules {

    /** Who is asking: their roles (lower case), their token's project, and whether it is system-scoped. */
    public record Credentials(Set<String> roles, String projectId, boolean systemAll) {

        public static final Credentials NOBODY = new Credentials(Set.of(), null, false);

        public Credentials {
            roles = Set.copyOf(roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\(|\\)|(?:%\\([^)]*\\)[a-z]?|[^\\s()])+");
    private static final String TARGET_PROJECT = "%(project_id)s";

    private sealed interface Check permits Always, Never, Role, RuleRef, IsAdmin, Project, SystemScope, Not, All, Any {
    }

    private record Always() implements Check {
    }

    private record Never() implements Check {
    }

    private record Role(String name) implements Check {
    }

    private record RuleRef(String name) implements Check {
    }

    private record IsAdmin(boolean value) implements Check {
    }

    /** {@code literal} null: the project of the target. */
    private record Project(String literal) implements Check {
    }

    private record SystemScope() implements Check {
    }

    private record Not(Check check) implements Check {
    }

    private record All(List<Check> checks) implements Check {
    }

    private record Any(List<Check> checks) implements Check {
    }

    private final Map<String, Check> rules;

    private PolicyRules(Map<String, Check> rules) {
        this.rules = rules;
    }

    /**
     * Reads the rules, {@code overrides} replacing {@code defaults} rule by rule.
     *
     * @throws IllegalArgumentException naming the rule and what is wrong with it
     */
    public static PolicyRules of(Map<String, String> defaults, Map<String, String> overrides) {
        Map<String, String> texts = new LinkedHashMap<>(defaults);
        texts.putAll(overrides);
        Map<String, Check> parsed = new LinkedHashMap<>();
        texts.forEach((name, text) -> {
            try {
                parsed.put(name, new Parser(text).parse());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Rule \"" + name + "\": " + e.getMessage(), e);
            }
        });
        PolicyRules result = new PolicyRules(parsed);
        parsed.keySet().forEach(name -> result.verify(name, parsed.get(name), new ArrayDeque<>(List.of(name))));
        return result;
    }

    /** Whether rule {@code name} exists. */
    public boolean has(String name) {
        return rules.containsKey(name);
    }

    /**
     * Whether {@code rule} passes for {@code credentials} on a target of project {@code targetProject}
     * (null: a target of no particular project, which only project-independent checks pass).
     */
    public boolean passes(String rule, Credentials credentials, String targetProject) {
        Check check = rules.get(rule);
        if (check == null) {
            throw new IllegalArgumentException("No policy rule \"" + rule + "\"");
        }
        return eval(check, credentials, targetProject);
    }

    private boolean eval(Check check, Credentials c, String target) {
        if (check instanceof Role r) {
            return c.roles().contains(r.name());
        } else if (check instanceof RuleRef r) {
            return eval(rules.get(r.name()), c, target);
        } else if (check instanceof IsAdmin a) {
            return a.value() == (rules.containsKey("context_is_admin") && eval(rules.get("context_is_admin"), c, null));
        } else if (check instanceof Project p) {
            return c.projectId() != null && c.projectId().equals(p.literal() != null ? p.literal() : target);
        } else if (check instanceof SystemScope) {
            return c.systemAll();
        } else if (check instanceof Not n) {
            return !eval(n.check(), c, target);
        } else if (check instanceof All a) {
            return a.checks().stream().allMatch(x -> eval(x, c, target));
        } else if (check instanceof Any a) {
            return a.checks().stream().anyMatch(x -> eval(x, c, target));
        }
        return check instanceof Always;
    }

    /** Refuses references to missing rules, reference cycles, and {@code not} over a target project check. */
    private void verify(String name, Check check, Deque<String> path) {
        if (check instanceof RuleRef r) {
            if (!rules.containsKey(r.name())) {
                throw new IllegalArgumentException("Rule \"" + name + "\" refers to rule \"" + r.name()
                        + "\", which does not exist.");
            }
            follow(name, r.name(), path);
        } else if (check instanceof IsAdmin) {
            if (rules.containsKey("context_is_admin")) {
                follow(name, "context_is_admin", path);
            }
        } else if (check instanceof Not n) {
            if (onTarget(n.check(), 0)) {
                throw new IllegalArgumentException("Rule \"" + name + "\" puts \"not\" around a check of the "
                        + "target's project, which instance-ha does not accept.");
            }
            verify(name, n.check(), path);
        } else if (check instanceof All a) {
            a.checks().forEach(x -> verify(name, x, path));
        } else if (check instanceof Any a) {
            a.checks().forEach(x -> verify(name, x, path));
        }
    }

    private void follow(String name, String referenced, Deque<String> path) {
        if (path.contains(referenced)) {
            throw new IllegalArgumentException("Rule \"" + path.getFirst() + "\" refers back to itself: "
                    + String.join(" -> ", path) + " -> " + referenced + ".");
        }
        path.addLast(referenced);
        verify(name, rules.get(referenced), path);
        path.removeLast();
    }

    /** Whether the check depends on the target's project; {@code depth} stops at a cycle, refused elsewhere. */
    private boolean onTarget(Check check, int depth) {
        if (depth > rules.size()) {
            return false;
        } else if (check instanceof Project p) {
            return p.literal() == null;
        } else if (check instanceof RuleRef r) {
            return rules.containsKey(r.name()) && onTarget(rules.get(r.name()), depth + 1);
        } else if (check instanceof Not n) {
            return onTarget(n.check(), depth);
        } else if (check instanceof All a) {
            return a.checks().stream().anyMatch(x -> onTarget(x, depth));
        } else if (check instanceof Any a) {
            return a.checks().stream().anyMatch(x -> onTarget(x, depth));
        }
        return false;
    }

    /** Recursive descent: or over and over not/parentheses/checks; {@code and} binds tighter, as in oslo.policy. */
    private static final class Parser {

        private final List<String> tokens = new ArrayList<>();
        private int next;

        Parser(String text) {
            Matcher m = TOKEN.matcher(text == null ? "" : text);
            while (m.find()) {
                tokens.add(m.group());
            }
        }

        Check parse() {
            if (tokens.isEmpty()) {
                return new Always();
            }
            Check check = or();
            if (next < tokens.size()) {
                throw new IllegalArgumentException("unexpected \"" + tokens.get(next) + "\".");
            }
            return check;
        }

        private Check or() {
            List<Check> checks = new ArrayList<>(List.of(and()));
            while (accept("or")) {
                checks.add(and());
            }
            return checks.size() == 1 ? checks.get(0) : new Any(List.copyOf(checks));
        }

        private Check and() {
            List<Check> checks = new ArrayList<>(List.of(unary()));
            while (accept("and")) {
                checks.add(unary());
            }
            return checks.size() == 1 ? checks.get(0) : new All(List.copyOf(checks));
        }

        private Check unary() {
            if (accept("not")) {
                return new Not(unary());
            }
            if (accept("(")) {
                Check inner = or();
                if (!accept(")")) {
                    throw new IllegalArgumentException("a \"(\" is not closed.");
                }
                return inner;
            }
            if (next >= tokens.size()) {
                throw new IllegalArgumentException("it ends where a check is expected.");
            }
            return check(tokens.get(next++));
        }

        private boolean accept(String token) {
            if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(token)) {
                next++;
                return true;
            }
            return false;
        }

        private static Check check(String token) {
            if (token.equals("@")) {
                return new Always();
            }
            if (token.equals("!")) {
                return new Never();
            }
            int colon = token.indexOf(':');
            if (colon <= 0 || colon == token.length() - 1) {
                throw new IllegalArgumentException("\"" + token + "\" is not a check (kind:value).");
            }
            String kind = token.substring(0, colon);
            String value = token.substring(colon + 1);
            return switch (kind) {
                case "role" -> new Role(value.toLowerCase(Locale.ROOT));
                case "rule" -> new RuleRef(value);
                case "is_admin" -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true" -> new IsAdmin(true);
                    case "false" -> new IsAdmin(false);
                    default -> throw new IllegalArgumentException("is_admin takes True or False, not \"" + value
                            + "\".");
                };
                case "project_id" -> new Project(value.equals(TARGET_PROJECT) ? null : literal(value));
                case "system_scope" -> {
                    if (!value.equals("all")) {
                        throw new IllegalArgumentException("system_scope takes only \"all\".");
                    }
                    yield new SystemScope();
                }
                default -> throw new IllegalArgumentException("the check \"" + token + "\" is not one instance-ha "
                        + "reads (role, rule, is_admin, project_id, system_scope, @, !).");
            };
        }

        private static String literal(String value) {
            if (value.startsWith("%(")) {
                throw new IllegalArgumentException("project_id compares only with %(project_id)s or a literal "
                        + "project id, not \"" + value + "\".");
            }
            return value;
        }
    }
}
