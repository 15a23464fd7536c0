package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.instanceha.HttpApi.Response;
import org.instanceha.TestUsers;
import org.instanceha.recovery.deployment.ShippedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ops engineers change the recovery flow in Camunda Modeler and deploy it through engine-rest, as
 * Modeler's "Deploy" does: an edited model is used by new notifications while running ones finish on
 * their version, the same model deployed again makes no new version, and a model that would fail during
 * a recovery is refused at deployment with a message that says why. Deployments are for administrators.
 */
class ModelDeploymentIT extends RecoveryScenarioSupport {

    /** The deployments this test makes: removed before and after each test, so no other test runs on them. */
    static final String DEPLOYMENT = "ops-edited-host-failure-recovery";

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskService taskService;
    @Autowired
    ShippedModels shippedModels;

    @BeforeEach
    @AfterEach
    void removeEditedModels() {
        repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT).list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    private static String shipped(String file) throws Exception {
        return Files.readString(Path.of(file));
    }

    /**
     * The shipped host-failure model edited as docs/modelling-guide.md shows: after "Any
     * instances to evacuate?", the gateway "Critical segment?" sends segments named {@code critical-*} to
     * the user task "Approve evacuation" for ha-operators, then on to "Recovery method".
     */
    static String withApproval(String model) {
        String edited = model.replace(
                "<sequenceFlow id=\"Flow_AnyInstances_RecoveryMethod\" name=\"yes\" sourceRef=\"AnyInstances\" targetRef=\"RecoveryMethod\">",
                "<sequenceFlow id=\"Flow_AnyInstances_RecoveryMethod\" name=\"yes\" sourceRef=\"AnyInstances\" targetRef=\"CriticalSegment\">")
                .replace("<incoming>Flow_AnyInstances_RecoveryMethod</incoming>\n      <outgoing>Flow_RecoveryMethod_PlanAutoTargets",
                        "<incoming>Flow_ApproveEvacuation_RecoveryMethod</incoming>\n      "
                                + "<incoming>Flow_CriticalSegment_RecoveryMethod</incoming>\n      <outgoing>Flow_RecoveryMethod_PlanAutoTargets")
                .replace("    <exclusiveGateway id=\"RecoveryMethod\" name=\"Recovery method\">", """
                            <exclusiveGateway id="CriticalSegment" name="Critical segment?" default="Flow_CriticalSegment_RecoveryMethod">
                              <incoming>Flow_AnyInstances_RecoveryMethod</incoming>
                              <outgoing>Flow_CriticalSegment_ApproveEvacuation</outgoing>
                              <outgoing>Flow_CriticalSegment_RecoveryMethod</outgoing>
                            </exclusiveGateway>
                            <sequenceFlow id="Flow_CriticalSegment_ApproveEvacuation" name="yes" sourceRef="CriticalSegment" targetRef="ApproveEvacuation">
                              <conditionExpression>${segmentName.startsWith('critical-')}</conditionExpression>
                            </sequenceFlow>
                            <sequenceFlow id="Flow_CriticalSegment_RecoveryMethod" name="no" sourceRef="CriticalSegment" targetRef="RecoveryMethod"/>
                            <userTask id="ApproveEvacuation" name="Approve evacuation" camunda:candidateGroups="ha-operators">
                              <incoming>Flow_CriticalSegment_ApproveEvacuation</incoming>
                              <outgoing>Flow_ApproveEvacuation_RecoveryMethod</outgoing>
                            </userTask>
                            <sequenceFlow id="Flow_ApproveEvacuation_RecoveryMethod" sourceRef="ApproveEvacuation" targetRef="RecoveryMethod"/>
                            <exclusiveGateway id="RecoveryMethod" name="Recovery method">""");
        assertThat(edited).as("the shipped model still has the flows the edit rewires")
                .contains("targetRef=\"CriticalSegment\"", "<incoming>Flow_ApproveEvacuation_RecoveryMethod</incoming>",
                        "<userTask id=\"ApproveEvacuation\"");
        return edited;
    }

    /** A segment named critical-..., over compute1..4, like {@link #segment}. */
    private String criticalSegment() {
        Response created = api.post("/v1/segments", """
                {"segment": {"name": "critical-a", "recovery_method": "auto", "service_type": "COMPUTE"}}""").send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String uuid = created.json().at("/segment/uuid").asText();
        for (String host : java.util.List.of("compute1", "compute2", "compute3", "compute4")) {
            addHost(uuid, host, false, 0);
        }
        return uuid;
    }

    private Response deploy(String user, String password, String model, boolean duplicateFiltering) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", DEPLOYMENT);
        fields.put("deployment-source", "Camunda Modeler");
        // What Camunda Modeler sends; duplicateFiltering adds the whole-deployment filter of the REST API.
        fields.put("deploy-changed-only", "true");
        if (duplicateFiltering) {
            fields.put("enable-duplicate-filtering", "true");
        }
        Map<String, String> files = new LinkedHashMap<>();
        // The host's model alone: its call activity starts the latest instance-evacuation, the shipped one
        // (whose user task finds its form in the application's deployment).
        files.put("host-failure-recovery.bpmn", model);
        return api.postMultipart("/engine-rest/deployment/create", fields, files).as(user, password).send();
    }

    private Response deploy(String model) throws Exception {
        return deploy(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, model, false);
    }

    private int latestVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("host-failure-recovery")
                .latestVersion().singleResult().getVersion();
    }

    private int versionRunBy(String notification) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(notification)
                .processDefinitionKey("host-failure-recovery").singleResult().getProcessDefinitionVersion();
    }

    @Test
    void anEditedModelIsUsedByNewRecoveriesWhileRunningOnesFinishOnTheirVersion() throws Exception {
        criticalSegment();
        int shippedVersion = latestVersion();
        cloud.setEvacuationTime(Duration.ofSeconds(2));
        String running = hostFails("compute4");
        await().atMost(Duration.ofSeconds(20)).until(() -> cloud.evacuationsAccepted() > 0);

        Response deployed = deploy(withApproval(shipped("bpmn/host-failure-recovery.bpmn")));
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
        assertThat(latestVersion()).isEqualTo(shippedVersion + 1);
        String approved = hostFails("compute3");

        await().atMost(Duration.ofSeconds(20)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(approved).taskName("Approve evacuation").count() == 1);
        assertThat(cloud.evacuationsAccepted(cloud.serverNamed("vm7").orElseThrow().id())).as("nothing of compute3 moves before the approval").isZero();
        JsonNode old = awaitEnd(running);
        assertThat(old.get("status").asText()).as(old.toString()).isEqualTo("finished");
        assertThat(versionRunBy(running)).as("the running recovery finished on its version").isEqualTo(shippedVersion);

        Response again = deploy(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD,
                withApproval(shipped("bpmn/host-failure-recovery.bpmn")), true);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(latestVersion()).as("the same model again is no new version").isEqualTo(shippedVersion + 1);

        String task = api.get("/engine-rest/task?processInstanceBusinessKey=" + approved).send().json().get(0)
                .get("id").asText();
        assertThat(api.post("/engine-rest/task/" + task + "/complete", "{}").send().status()).isEqualTo(204);
        JsonNode done = awaitEnd(approved);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(versionRunBy(approved)).isEqualTo(shippedVersion + 1);
        assertThat(serverHost("vm7")).isNotEqualTo("compute3");

        // A segment of another name goes on without an approval, on the edited version too.
        Response plain = api.post("/v1/segments", """
                {"segment": {"name": "plain", "recovery_method": "auto", "service_type": "COMPUTE"}}""").send();
        String segment = plain.json().at("/segment/uuid").asText();
        for (String host : java.util.List.of("compute6", "compute7")) {
            cloud.addComputeHost(host, 10, 8192);
            addHost(segment, host, false, 0);
        }
        cloud.addServer("plain-vm", "compute6", "1", "demo", Map.of("HA_Enabled", "True"));
        String unapproved = hostFails("compute6");
        JsonNode through = awaitEnd(unapproved);
        assertThat(through.get("status").asText()).as(through.toString()).isEqualTo("finished");
        assertThat(versionRunBy(unapproved)).isEqualTo(shippedVersion + 1);
        assertThat(serverHost("plain-vm")).isEqualTo("compute7");
    }

    @Test
    void aRestartDoesNotDeployTheShippedModelOverAnOperatorsNewerVersion() throws Exception {
        assertThat(shippedModels.shippedNames()).contains("host-failure-recovery.bpmn", "instance-failure-recovery.bpmn",
                "recover-instance-by-hand.form");
        assertThat(shippedModels.wouldDeploy(repositoryService)).as("nothing replaced yet")
                .containsExactlyInAnyOrderElementsOf(shippedModels.shippedNames());

        assertThat(deploy(withApproval(shipped("bpmn/host-failure-recovery.bpmn"))).status()).isEqualTo(200);
        assertThat(shippedModels.wouldDeploy(repositoryService)).doesNotContain("host-failure-recovery.bpmn")
                .contains("instance-evacuation.bpmn", "instance-failure-recovery.bpmn", "process-failure-recovery.bpmn",
                        "recover-instance-by-hand.form");

        removeEditedModels();
        assertThat(shippedModels.wouldDeploy(repositoryService)).as("the operator's deployment deleted: shipped again")
                .contains("host-failure-recovery.bpmn");
    }

    @Test
    void aMisspelledDelegateIsRefusedAtDeploymentWithItsName() throws Exception {
        int before = latestVersion();
        Response refused = deploy(shipped("bpmn/host-failure-recovery.bpmn")
                .replace("${disableComputeService}", "${disableComputeSevrice}"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains(
                "Task 'Disable compute service' (DisableComputeService)", "${disableComputeSevrice}",
                "no delegate of instance-ha", "did you mean ${disableComputeService}?");
        assertThat(latestVersion()).isEqualTo(before);
    }

    @Test
    void aModelWithoutHistoryTimeToLiveOrWithAFieldItsDelegateDoesNotReadIsRefused() throws Exception {
        Response noTtl = deploy(shipped("bpmn/host-failure-recovery.bpmn").replace("camunda:historyTimeToLive=\"30\" ", ""));
        assertThat(noTtl.status()).as(noTtl.toString()).isEqualTo(400);
        assertThat(noTtl.json().get("message").asText()).contains("historyTimeToLive");

        Response unread = deploy(shipped("bpmn/host-failure-recovery.bpmn").replace(
                "<camunda:inputParameter name=\"recoveryMethod\">auto</camunda:inputParameter>",
                "<camunda:inputParameter name=\"recoveryMethod\">auto</camunda:inputParameter>"
                        + "<camunda:inputParameter name=\"maxInstances\">3</camunda:inputParameter>"));
        assertThat(unread.status()).as(unread.toString()).isEqualTo(400);
        assertThat(unread.json().get("message").asText()).contains("Task 'Plan targets (auto)' (PlanAutoTargets)",
                "sets the input 'maxInstances'", "${planTargets} does not read", "recoveryMethod");

        Response method = deploy(shipped("bpmn/host-failure-recovery.bpmn").replace("${disableComputeService}",
                "${execution.getProcessEngineServices().getRuntimeService()}"));
        assertThat(method.status()).as("an expression that calls methods is no delegate").isEqualTo(400);
        assertThat(method.json().get("message").asText()).contains("must name a delegate bean");

        Response bean = deploy(shipped("bpmn/host-failure-recovery.bpmn").replace("${!segmentEnabled}",
                "${!segmentEnabled and secretBox.open('sealed:v1:x') != ''}"));
        assertThat(bean.status()).as("a condition may read variables, not beans").isEqualTo(400);
        assertThat(bean.json().get("message").asText()).contains("secretBox.open", "reaches the bean secretBox");
    }

    @Test
    void deploymentsAreForAdministratorsOnly() throws Exception {
        int before = latestVersion();
        Response operator = deploy(TestUsers.OPERATOR, TestUsers.OPERATOR_PASSWORD,
                withApproval(shipped("bpmn/host-failure-recovery.bpmn")), true);
        assertThat(operator.status()).as(operator.toString()).isEqualTo(403);
        Response anonymous = api.postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", DEPLOYMENT),
                Map.of("x.bpmn", withApproval(shipped("bpmn/host-failure-recovery.bpmn")))).anonymous().send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(latestVersion()).isEqualTo(before);
    }

    @Test
    void aTaskWhoseRequiredFieldIsEmptyFailsWithTheFieldAndTheTaskAsTheIncidentsMessage() throws Exception {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             id="template-check-definitions" targetNamespace="http://instanceha.org/test">
                  <process id="template-check" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="Start"/>
                    <sequenceFlow id="f1" sourceRef="Start" targetRef="ForceDown"/>
                    <serviceTask id="ForceDown" name="Force down compute service" camunda:asyncBefore="true"
                                 camunda:delegateExpression="${forceDownComputeService}">
                      <extensionElements>
                        <camunda:failedJobRetryTimeCycle>R1/PT0S</camunda:failedJobRetryTimeCycle>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="notificationUuid">not-a-notification</camunda:inputParameter>
                          <camunda:inputParameter name="hostname"/>
                        </camunda:inputOutput>
                      </extensionElements>
                    </serviceTask>
                    <sequenceFlow id="f2" sourceRef="ForceDown" targetRef="End"/>
                    <endEvent id="End"/>
                  </process>
                </definitions>""";
        Response deployed = api.postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", DEPLOYMENT),
                Map.of("template-check.bpmn", model)).send();
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
        Response started = api.post("/engine-rest/process-definition/key/template-check/start", "{}").send();
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String instance = started.json().get("id").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createIncidentQuery()
                .processInstanceId(instance).count() == 1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).singleResult().getIncidentMessage())
                .contains("Task 'Force down compute service' (ForceDown) needs 'hostname'",
                        "fill in the field 'hostname' of its element template");
        runtimeService.deleteProcessInstance(instance, "test done");
    }
}
