package org.instanceha.recovery.deployment;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions a deployed model may hold besides its delegate expressions (conditions, timers, inputs,
 * candidate groups, ...): the documented variable expressions of docs/modelling-guide.md, nothing that reaches a
 * Spring bean or the engine's services. Allowed, joined by JUEL's operators ({@code == != < > <= >= && || !
 * and or not eq ne lt gt le ge empty}, arithmetic, {@code ? :}) with string and number literals:
 * <ul>
 *   <li>a process variable, {@code ${segmentEnabled}}, and one of {@link #STRING_METHODS} on it with literal
 *       arguments, {@code ${segmentName.startsWith('critical-')}};</li>
 *   <li>{@code execution.getVariable('name')} and {@code execution.processBusinessKey};</li>
 *   <li>the settings our models read from beans, {@link #BEAN_VALUES}.</li>
 * </ul>
 * Anything else (a bean, {@code ${secretBox.open(...)}}, a method of a method's result, indexing, assignment,
 * a lambda) is refused with the expression named. Plain Java.
 */
final class ExpressionRules {

    /** The bean values our shipped models read: the retry cycle of Nova calls, a tier's wait, an evacuation's. */
    static final Set<String> BEAN_VALUES = Set.of("novaRetry.cycle", "tierWait.interval", "evacuationPoll.nextCheck");
    static final Set<String> STRING_METHODS = Set.of("startsWith", "endsWith", "contains", "equals",
            "equalsIgnoreCase", "isEmpty", "length", "toLowerCase", "toUpperCase", "trim");
    private static final Set<String> EXECUTION = Set.of("execution.getVariable", "execution.processBusinessKey");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "and", "or", "not", "eq", "ne",
            "lt", "gt", "le", "ge", "empty", "div", "mod");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern LITERAL = Pattern.compile("'[^'\\\\]*'|\"[^\"\\\\]*\"");
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.])([A-Za-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*)*)(\\s*\\()?");
    private static final Pattern ARGUMENTS = Pattern.compile("\\s*(?:(?:L|\\d+)\\s*(?:,\\s*(?:L|\\d+)\\s*)*)?");

    private ExpressionRules() {
    }

    /** Every expression ({@code ${...}} or {@code #{...}}) in this text. */
    static java.util.List<String> expressionsIn(String text) {
        java.util.List<String> found = new java.util.ArrayList<>();
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /**
     * Why the expression may not be deployed, or empty when it may.
     *
     * @param isBean whether a name is a bean of the application
     */
    static Optional<String> problem(String expression, Predicate<String> isBean) {
        Matcher whole = EXPRESSION.matcher(expression);
        if (!whole.matches()) {
            return Optional.of("it is not one expression");
        }
        String body = LITERAL.matcher(whole.group(1)).replaceAll("L");
        if (body.contains("'") || body.contains("\"")) {
            return Optional.of("a string in it is not closed, or has an escape");
        }
        if (body.contains("[") || body.contains(";") || body.contains("->") || body.contains("{")
                || Pattern.compile("(?<![=!<>])=(?!=)").matcher(body).find()) {
            return Optional.of("it indexes, assigns or defines a function");
        }
        if (Pattern.compile("\\)\\s*\\.").matcher(body).find()) {
            return Optional.of("it calls a method of a method's result");
        }
        Matcher m = REFERENCE.matcher(body);
        while (m.find()) {
            String chain = m.group(1).replaceAll("\\s", "");
            if (chain.equals("L") || KEYWORDS.contains(chain)) {
                continue;
            }
            boolean call = m.group(2) != null;
            if (call) {
                int open = m.end();
                int close = body.indexOf(')', open);
                if (close < 0 || !ARGUMENTS.matcher(body.substring(open, close)).matches()) {
                    return Optional.of("'" + chain + "' is called with more than literals");
                }
            }
            Optional<String> refused = reference(chain, call, isBean);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> reference(String chain, boolean call, Predicate<String> isBean) {
        String[] parts = chain.split("\\.");
        String root = parts[0];
        if (root.equals("execution")) {
            boolean allowed = parts.length == 2 && EXECUTION.contains(chain)
                    && call == chain.equals("execution.getVariable");
            return allowed ? Optional.empty() : Optional.of("'" + chain + "' reaches the engine beyond a variable");
        }
        if (isBean.test(root)) {
            return !call && BEAN_VALUES.contains(chain) ? Optional.empty()
                    : Optional.of("'" + chain + "' reaches the bean " + root);
        }
        if (parts.length == 1) {
            return call ? Optional.of("'" + chain + "' is a function") : Optional.empty();
        }
        return parts.length == 2 && call && STRING_METHODS.contains(parts[1]) ? Optional.empty()
                : Optional.of("'" + chain + "' is more than a variable or one of its text's methods");
    }
}
