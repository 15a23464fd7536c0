package org.instanceha.recovery.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The application's own models, deployed at start, never overwrite a version an operator deployed (from
 * Camunda Modeler, through engine-rest): when the latest version of a shipped model's process came from
 * another deployment than the application's own, the shipped model is left out of the start's deployment
 * and the log says so. Unchanged shipped models are not deployed again anyway (duplicate filtering). An
 * operator returns to the shipped version by deleting their deployment in Cockpit, or by deploying the
 * shipped file from {@code bpmn/}.
 */
@Component
public class ShippedModels extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ShippedModels.class);
    private static final Pattern PROCESS = Pattern.compile("<(?:\\w+:)?process\\b[^>]*?\\bid=\"([^\"]+)\"");

    private SpringProcessEngineConfiguration configuration;
    private Resource[] shipped = new Resource[0];

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration instanceof SpringProcessEngineConfiguration spring) {
            this.configuration = spring;
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (configuration == null || configuration.getDeploymentResources() == null) {
            return;
        }
        shipped = configuration.getDeploymentResources();
        configuration.setDeploymentResources(toDeploy(engine.getRepositoryService()).toArray(Resource[]::new));
    }

    /** The shipped resources the application deploys now: all but the models an operator has replaced. */
    List<Resource> toDeploy(RepositoryService repository) {
        List<Resource> kept = new ArrayList<>();
        for (Resource resource : shipped) {
            String replacedBy = replacement(repository, resource);
            if (replacedBy == null) {
                kept.add(resource);
            } else {
                log.warn("Not deploying the shipped model {}: {}. To return to the shipped version, delete that"
                        + " deployment in Cockpit or deploy the shipped file from Camunda Modeler.",
                        resource.getFilename(), replacedBy);
            }
        }
        return kept;
    }

    /** Null, or which operator's deployment holds the latest version of a process of this model. */
    private String replacement(RepositoryService repository, Resource resource) {
        String name = resource.getFilename();
        if (name == null || !name.endsWith(".bpmn")) {
            return null;
        }
        String own = configuration.getDeploymentName();
        for (String key : processIds(resource)) {
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            if (latest == null) {
                continue;
            }
            Deployment deployment = repository.createDeploymentQuery().deploymentId(latest.getDeploymentId())
                    .singleResult();
            if (deployment != null && !own.equals(deployment.getName())) {
                return "version " + latest.getVersion() + " of '" + key + "' comes from the deployment '"
                        + deployment.getName() + "' (" + deployment.getId() + ", " + deployment.getDeploymentTime()
                        + "), which is newer";
            }
        }
        return null;
    }

    private static List<String> processIds(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            Matcher m = PROCESS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> ids = new ArrayList<>();
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the shipped model " + resource.getFilename(), e);
        }
    }

    /** The names of the shipped resources the application would deploy if it started now. */
    public List<String> wouldDeploy(RepositoryService repository) {
        return toDeploy(repository).stream().map(Resource::getFilename).toList();
    }

    public List<String> shippedNames() {
        return Arrays.stream(shipped).map(Resource::getFilename).toList();
    }
}
