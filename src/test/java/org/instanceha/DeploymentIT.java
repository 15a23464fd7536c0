package org.instanceha;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeploymentIT extends ApiIntegrationTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;

    @Test
    void modelsAndFormsOnTheClasspathAreDeployedTogetherAtStart() throws Exception {
        var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("deployment-check")
                .latestVersion().singleResult();
        assertThat(definition).isNotNull();
        assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId()))
                .anyMatch(name -> name.endsWith("forms/deployment-check.form"));

        var instance = runtimeService.startProcessInstanceByKey("deployment-check");
        var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        try (var form = formService.getDeployedTaskForm(task.getId())) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"id\": \"deployment-check-form\"");
        }
        runtimeService.deleteProcessInstance(instance.getId(), "test done");
    }
}
