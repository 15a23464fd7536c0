package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.camunda.bpm.engine.RepositoryService;
import org.instanceha.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Camunda Modeler element templates of {@code bpmn/element-templates/}: valid by Camunda's published
 * JSON schema (from its npm package {@code @camunda/element-templates-json-schema}, kept in the test
 * resources), bound to an existing delegate bean, declaring only inputs that delegate reads, set up like
 * the same task in the shipped models; and a model made of every template, its fields at their defaults,
 * passes the deployment checks.
 */
class ElementTemplatesIT extends ApiIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEMPLATES = Path.of("bpmn/element-templates");
    private static final Pattern BEAN = Pattern.compile("^\\$\\{(\\w+)}$");

    @Autowired
    ListableBeanFactory beans;
    @Autowired
    RepositoryService repositoryService;

    private static List<JsonNode> templates() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JSON.readTree(file.toFile()).forEach(all::add);
            }
        }
        return all;
    }

    private static Stream<JsonNode> properties(JsonNode template, String bindingType) {
        List<JsonNode> found = new ArrayList<>();
        template.get("properties").forEach(p -> {
            if (p.at("/binding/type").asText().equals(bindingType)) {
                found.add(p);
            }
        });
        return found.stream();
    }

    private static String property(JsonNode template, String name) {
        return properties(template, "property").filter(p -> p.at("/binding/name").asText().equals(name))
                .map(p -> p.get("value").asText()).findFirst().orElse(null);
    }

    private static String bean(JsonNode template) {
        Matcher m = BEAN.matcher(property(template, "camunda:delegateExpression"));
        assertThat(m.matches()).as(template.get("id").asText()).isTrue();
        return m.group(1);
    }

    @Test
    void everyTemplateIsValidByCamundasElementTemplatesSchema() throws Exception {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream(
                "/element-templates/camunda-element-templates-schema-0.22.1.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        List<JsonNode> templates = templates();
        assertThat(templates).hasSizeGreaterThanOrEqualTo(30);
        for (JsonNode template : templates) {
            assertThat(schema.validate(template)).as(template.get("id").asText()).isEmpty();
        }
        assertThat(schema.validate(JSON.readTree("{\"name\": \"x\", \"id\": \"x\", \"appliesTo\": \"bpmn:Task\"}")))
                .as("the schema refuses a broken template").isNotEmpty();
    }

    @Test
    void everyTemplateNamesADelegateBeanAndDeclaresOnlyInputsItReads() throws Exception {
        for (JsonNode template : templates()) {
            String id = template.get("id").asText();
            String bean = bean(template);
            assertThat(beans.containsBean(bean)).as(id + ": bean " + bean).isTrue();
            Class<?> type = beans.getType(bean);
            assertThat(RecoveryTask.class).as(id).isAssignableFrom(type);
            assertThat(id).isEqualTo("org.instanceha." + org.springframework.util.ClassUtils.getUserClass(type)
                    .getSimpleName());
            var reads = RecoveryTask.reads(type);
            properties(template, "camunda:inputParameter").forEach(input -> {
                assertThat(reads).as(id + " declares the input " + input.at("/binding/name").asText())
                        .contains(input.at("/binding/name").asText());
                assertThat(input.get("description").asText()).as(id).isNotBlank();
            });
            assertThat(template.get("description").asText()).as(id).hasSizeGreaterThan(30);
        }
    }

    @Test
    void everyTemplateIsSetUpLikeItsTaskInTheShippedModels() throws Exception {
        Map<String, JsonNode> byBean = new TreeMap<>();
        for (JsonNode template : templates()) {
            byBean.put(bean(template), template);
        }
        Pattern task = Pattern.compile("<serviceTask ([^>]*)>");
        int matched = 0;
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = task.matcher(Files.readString(model));
                while (m.find()) {
                    String attributes = m.group(1);
                    Matcher bean = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(attributes);
                    assertThat(bean.find()).isTrue();
                    JsonNode template = byBean.get(bean.group(1));
                    if (template == null) {
                        continue; // the operators' tasks belong to their user tasks: no template
                    }
                    matched++;
                    assertThat(attributes.contains("asyncBefore=\"true\"")).as(model + " " + bean.group(1))
                            .isEqualTo("true".equals(property(template, "camunda:asyncBefore")));
                    assertThat(attributes.contains("exclusive=\"false\"")).as(model + " " + bean.group(1))
                            .isEqualTo("false".equals(property(template, "camunda:exclusive")));
                }
            }
        }
        assertThat(matched).isGreaterThanOrEqualTo(35);
        assertThat(byBean.keySet()).contains("forceDownComputeService", "disableComputeService",
                "identifyProtectedInstances", "planTargets", "evacuateInstance", "checkEvacuation",
                "restorePowerState", "recordVmMoveSucceeded", "recordVmMoveFailed", "concludeNotification",
                "checkInstance", "stopInstance", "startInstance", "putHostOnMaintenance", "checkComputeServiceDisabled");
    }

    @Test
    void aModelOfEveryTemplateWithItsDefaultsPassesTheDeploymentChecks() throws Exception {
        StringBuilder tasks = new StringBuilder();
        List<JsonNode> templates = templates();
        for (int i = 0; i < templates.size(); i++) {
            JsonNode template = templates.get(i);
            StringBuilder attributes = new StringBuilder();
            properties(template, "property").forEach(p -> attributes.append(' ')
                    .append(p.at("/binding/name").asText()).append("=\"").append(p.get("value").asText()).append('"'));
            StringBuilder inputs = new StringBuilder();
            properties(template, "camunda:inputParameter").forEach(p -> inputs.append(
                    "<camunda:inputParameter name=\"").append(p.at("/binding/name").asText()).append("\">")
                    .append(p.get("value").asText().replace("'", "&apos;")).append("</camunda:inputParameter>"));
            tasks.append("<serviceTask id=\"T").append(i).append("\" name=\"").append(template.get("name").asText())
                    .append('"').append(attributes).append("><extensionElements><camunda:inputOutput>").append(inputs)
                    .append("</camunda:inputOutput></extensionElements></serviceTask>")
                    .append("<sequenceFlow id=\"F").append(i).append("\" sourceRef=\"").append(i == 0 ? "S" : "T" + (i - 1))
                    .append("\" targetRef=\"T").append(i).append("\"/>");
        }
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             id="every-template-definitions" targetNamespace="http://instanceha.org/test">
                  <process id="every-template" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="S"/>%s<endEvent id="E"/><sequenceFlow id="FE" sourceRef="T%d" targetRef="E"/>
                  </process>
                </definitions>""".formatted(tasks, templates.size() - 1);
        var deployment = repositoryService.createDeployment().name("every-template")
                .addString("every-template.bpmn", model).deploy();
        try {
            assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).count())
                    .isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }
}
