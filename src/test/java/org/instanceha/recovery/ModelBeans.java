package org.instanceha.recovery;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * The Spring beans a BPMN model names: its delegates, its user tasks' listeners, and the beans its retry
 * cycles read.
 */
record ModelBeans(Set<String> delegates, Set<String> taskListeners, Set<String> retryPolicies) {

    private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    static ModelBeans of(String resource) {
        try (InputStream in = ModelBeans.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no model " + resource + " on the class path");
            }
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            Set<String> delegates = new TreeSet<>();
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                delegates.add(bean(task.getCamundaDelegateExpression(), task.getId()));
            }
            Set<String> listeners = new TreeSet<>();
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                listeners.add(bean(listener.getCamundaDelegateExpression(), listener.getCamundaEvent() + " listener"));
            }
            Set<String> retries = new TreeSet<>();
            for (CamundaFailedJobRetryTimeCycle cycle : model.getModelElementsByType(
                    CamundaFailedJobRetryTimeCycle.class)) {
                Matcher m = BEAN.matcher(cycle.getTextContent());
                if (m.find()) {
                    retries.add(m.group(1));
                }
            }
            return new ModelBeans(Set.copyOf(delegates), Set.copyOf(listeners), Set.copyOf(retries));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bean(String expression, String taskId) {
        Matcher m = expression == null ? null : BEAN.matcher(expression);
        if (m == null || !m.find()) {
            throw new IllegalStateException("service task " + taskId + " names no delegate bean: " + expression);
        }
        return m.group(1);
    }
}
