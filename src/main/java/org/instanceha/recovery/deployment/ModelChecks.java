package org.instanceha.recovery.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.instanceha.recovery.RecoveryTask;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Checks every deployed model, ours at start and an operator's from Camunda Modeler, before the engine
 * takes it: a model that would fail during a recovery at 3 a.m. is refused at deployment instead, with
 * all its problems in one message (engine-rest answers 400 with them). Refused:
 * <ul>
 *   <li>a process without {@code historyTimeToLive} (the engine's own check, {@code enforceHistoryTimeToLive}
 *       is on; this names the process too);</li>
 *   <li>a delegate expression of a task or listener that names no delegate bean of the application (a
 *       misspelling), or that is more than a bean's name ({@code ${bean}}): models call our tasks, not
 *       arbitrary methods of arbitrary beans;</li>
 *   <li>an input mapping of a service task that its delegate does not read ({@link Reads}): a field of an
 *       element template that would silently do nothing;</li>
 *   <li>any other expression that is more than the documented variable expressions ({@link ExpressionRules}):
 *       {@code ${secretBox.open(...)}} would hand a bean to whoever may deploy; and script tasks.</li>
 * </ul>
 * Deployments themselves are for the administrators' group only (Camunda's authorizations: nobody else
 * has CREATE on deployments).
 */
@Component
public class ModelChecks extends AbstractProcessEnginePlugin {

    private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}$");
    private static final Namespace CAMUNDA = new Namespace("http://camunda.org/schema/1.0/bpmn");

    private final ListableBeanFactory beans;

    public ModelChecks(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new Listener());
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    /** Walks the whole model once it is parsed; throws with every problem found. */
    private final class Listener extends AbstractBpmnParseListener {

        @Override
        public void parseRootElement(Element root, List<ProcessDefinitionEntity> definitions) {
            List<Problem> found = new ArrayList<>();
            for (Element process : root.elements("process")) {
                String ttl = process.attributeNS(CAMUNDA, "historyTimeToLive");
                if (ttl == null || ttl.isBlank()) {
                    found.add(problem(process, "Process '" + process.attribute("id") + "' has no"
                            + " historyTimeToLive: set it (in Camunda Modeler: the process's History cleanup, Time to"
                            + " live, for example 180 days)"));
                }
                walk(process, found);
            }
            expressions(root, found);
            if (!found.isEmpty()) {
                // The engine turns a BpmnParseException into a parse error of the deployment (engine-rest: 400).
                StringBuilder message = new StringBuilder("The model cannot be deployed:");
                found.forEach(p -> message.append(' ').append(p.message()).append('.'));
                throw new BpmnParseException(message.toString(), found.get(0).element());
            }
        }
    }

    private void walk(Element scope, List<Problem> found) {
        for (Element element : scope.elements()) {
            String tag = element.getTagName().substring(element.getTagName().indexOf(':') + 1);
            if (tag.equals("serviceTask") || tag.equals("sendTask") || tag.equals("businessRuleTask")) {
                String expression = element.attributeNS(CAMUNDA, "delegateExpression");
                if (expression != null) {
                    Class<?> delegate = delegate(element, expression, JavaDelegate.class, "delegate", found);
                    if (delegate != null && RecoveryTask.class.isAssignableFrom(delegate)) {
                        checkInputs(element, expression, RecoveryTask.reads(delegate), found);
                    }
                }
            }
            if (!tag.equals("extensionElements")) {
                listeners(element, found);
                walk(element, found);
            }
        }
    }

    /**
     * Every expression of the model but its delegate expressions (checked on their own), in attributes and texts
     * alike, against {@link ExpressionRules}; and no scripts: a model calls our tasks, not code of its own.
     */
    private void expressions(Element element, List<Problem> found) {
        String tag = element.getTagName().substring(element.getTagName().indexOf(':') + 1);
        if (tag.equals("scriptTask") || tag.equals("script")) {
            found.add(problem(element, "Element '" + name(element) + "' is a script: instance-ha runs no scripts,"
                    + " a model calls its tasks (delegate expressions)"));
        }
        for (String attribute : element.attributes()) {
            String value = element.attribute(attribute);
            if (value != null && !attribute.endsWith("delegateExpression")) {
                check(element, value, found);
            }
        }
        if (element.getText() != null) {
            check(element, element.getText(), found);
        }
        element.elements().forEach(child -> expressions(child, found));
    }

    private void check(Element element, String text, List<Problem> found) {
        for (String expression : ExpressionRules.expressionsIn(text)) {
            ExpressionRules.problem(expression, beans::containsBean).ifPresent(why -> found.add(problem(element,
                    "Element '" + name(element) + "' has the expression " + expression + ", which is refused: " + why
                            + " (a model may read process variables, not beans or the engine)")));
        }
    }

    private void listeners(Element task, List<Problem> found) {
        Element extensions = task.element("extensionElements");
        if (extensions == null) {
            return;
        }
        for (Element listener : extensions.elementsNS(CAMUNDA,
                "taskListener")) {
            String expression = listener.attribute("delegateExpression");
            if (expression != null) {
                delegate(task, expression, TaskListener.class, "task listener", found);
            }
        }
        for (Element listener : extensions.elementsNS(CAMUNDA,
                "executionListener")) {
            String expression = listener.attribute("delegateExpression");
            if (expression != null) {
                delegate(task, expression, ExecutionListener.class, "execution listener", found);
            }
        }
    }

    /** The bean's class when {@code expression} names a bean of the expected kind, else null (a problem noted). */
    private Class<?> delegate(Element task, String expression, Class<?> kind, String role, List<Problem> found) {
        Matcher bean = BEAN.matcher(expression.trim());
        String where = "Task '" + name(task) + "' (" + task.attribute("id") + ")";
        if (!bean.matches()) {
            found.add(problem(task, where + " has the " + role + " expression '" + expression + "': it must name a delegate"
                    + " bean, like ${evacuateInstance}"));
            return null;
        }
        String name = bean.group(1);
        Class<?> type = beans.containsBean(name) ? beans.getType(name) : null;
        if (type == null || !kind.isAssignableFrom(type)) {
            found.add(problem(task, where + " calls " + expression + ", which is no " + role + " of instance-ha"
                    + known(kind, name)));
            return null;
        }
        return type;
    }

    private void checkInputs(Element task, String expression, Set<String> reads, List<Problem> found) {
        Element extensions = task.element("extensionElements");
        Element io = extensions == null ? null : extensions.elementNS(
                CAMUNDA, "inputOutput");
        if (io == null) {
            return;
        }
        for (Element input : io.elementsNS(CAMUNDA,
                "inputParameter")) {
            String name = input.attribute("name");
            if (!reads.contains(name)) {
                found.add(problem(task, "Task '" + name(task) + "' (" + task.attribute("id") + ") sets the input '" + name
                        + "', which " + expression + " does not read (it reads " + new TreeSet<>(reads) + ")"));
            }
        }
    }

    private String known(Class<?> kind, String misspelt) {
        Set<String> names = new TreeSet<>(List.of(beans.getBeanNamesForType(kind)));
        String closest = names.stream().min(java.util.Comparator.comparingInt(n -> distance(n, misspelt))).orElse(null);
        return closest == null ? "" : " (did you mean ${" + closest + "}?)";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static String name(Element task) {
        String name = task.attribute("name");
        if (name == null || name.isBlank()) {
            name = task.attribute("id");
        }
        return name == null ? task.getTagName() : name;
    }

    private record Problem(String message, Element element) {
    }

    private static Problem problem(Element element, String message) {
        return new Problem(message, element);
    }
}
