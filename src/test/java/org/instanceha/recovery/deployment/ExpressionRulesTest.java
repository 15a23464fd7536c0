package org.instanceha.recovery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class ExpressionRulesTest {

    private static final Predicate<String> BEANS = Set.of("novaRetry", "tierWait", "evacuationPoll", "secretBox", "planTargets",
            "runtimeService", "dataSource")::contains;

    @Test
    void everyExpressionOfTheShippedModelsAndTheModellingGuideIsAllowed() throws Exception {
        List<String> shipped = new java.util.ArrayList<>();
        try (var models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                // Delegate expressions are ModelChecks' own check (a delegate bean's name).
                shipped.addAll(ExpressionRules.expressionsIn(Files.readString(model)
                        .replaceAll("delegateExpression=\"[^\"]*\"", "").replace("&amp;", "&")
                        .replace("&gt;", ">").replace("&lt;", "<")));
            }
        }
        shipped.addAll(List.of("${segmentName.startsWith('critical-')}", "${execution.getVariable('disableReason')}",
                "#{execution.processBusinessKey}", "${instanceCount > 0}", "${!serviceDown && serviceWaitExpired}",
                "${hostname.equals('x') or empty vmoveIds}"));
        assertThat(shipped).hasSizeGreaterThan(50);

        assertThat(shipped).allSatisfy(e -> assertThat(ExpressionRules.problem(e, BEANS)).as(e).isEmpty());
    }

    @Test
    void beansTheEngineAndCodeAreRefusedNamingWhy() {
        assertThat(ExpressionRules.problem("${secretBox.open('sealed:v1:x')}", BEANS)).get().asString()
                .contains("secretBox");
        assertThat(ExpressionRules.problem("${secretBox}", BEANS)).get().asString().contains("the bean secretBox");
        assertThat(ExpressionRules.problem("${planTargets.execute(execution)}", BEANS)).isPresent();
        assertThat(ExpressionRules.problem("${novaRetry.cycle.getClass()}", BEANS)).isPresent();
        assertThat(ExpressionRules.problem("${execution.getProcessEngineServices().getRuntimeService()}", BEANS))
                .get().asString().contains("method's result");
        assertThat(ExpressionRules.problem("${execution.setVariable('x', 1)}", BEANS)).isPresent();
        assertThat(ExpressionRules.problem("${execution.getVariable(hostname)}", BEANS)).get().asString()
                .contains("more than literals");
        assertThat(ExpressionRules.problem("${hostname.getClass().forName('java.lang.Runtime')}", BEANS))
                .isPresent();
        assertThat(ExpressionRules.problem("${hostname.getClass()}", BEANS)).isPresent();
        assertThat(ExpressionRules.problem("${x = 5}", BEANS)).isPresent();
        assertThat(ExpressionRules.problem("${vmoveIds[0]}", BEANS)).isPresent();
        assertThat(ExpressionRules.problem("${(() -> 1)()}", BEANS)).isPresent();
        assertThat(ExpressionRules.problem("${fn:join(x)}", BEANS)).isPresent();
        assertThat(ExpressionRules.problem("${'unclosed}", BEANS)).isPresent();
    }
}
