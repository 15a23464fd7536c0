package org.instanceha.tasklist;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.instanceha.common.BodyReadOnce;
import org.instanceha.recovery.evacuation.OperatorDecisionCheck;
import org.instanceha.recovery.hostfailure.HostFailureRecovery;
import org.instanceha.recovery.instancefailure.InstanceFailureRecovery;
import org.instanceha.recovery.massfailure.MassFailureApproval;
import org.instanceha.recovery.returning.ReturnHostToService;
import org.instanceha.recovery.operator.OperatorRules;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks an operator's decision ("Recover ... by hand", "Restart ... by hand", "Confirm ... is powered off",
 * "Approve recovery of N hosts", "Rebuild ...?") where Tasklist and other
 * clients send it, {@code POST .../task/{id}/complete}
 * and {@code .../submit-form} of engine-rest and of the webapps' engine API (Tasklist's), before the engine
 * sees it: a decision that cannot be carried out ({@link OperatorDecisionCheck}) gets 400 with the reason
 * in Camunda's error format, which Tasklist shows, and the task stays open. It acts as the authenticated
 * caller (engine-rest: after Camunda's authentication filter; Tasklist: the user logged in to the webapps
 * in the session), who must be allowed to see the task; an anonymous caller and every other request pass
 * untouched, to be answered by Camunda.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class OperatorDecisionRequests extends OncePerRequestFilter {

    /** engine-rest, and the webapps' own engine API that Tasklist submits forms through. */
    private static final Pattern COMPLETION = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/([^/]+))/task/([^/]+)/(complete|submit-form)$");

    /** The operators' forms whose decision is a choice and a comment, with the rule each is checked by. */
    private static final java.util.Map<String, java.util.function.BiFunction<String, String, Optional<String>>>
            FORM_RULES = java.util.Map.of(
                    InstanceFailureRecovery.RESTART_FORM, OperatorRules::restartProblem,
                    HostFailureRecovery.FENCING_FORM, OperatorRules::fencingProblem,
                    MassFailureApproval.APPROVAL_FORM, OperatorRules::approvalProblem,
                    ReturnHostToService.RETURN_FORM, OperatorRules::returnProblem,
                    REBUILD_FORM, OperatorRules::rebuildProblem);

    private final TaskService tasks;
    private final IdentityService identity;
    private final OperatorDecisionCheck check;
    private final ObjectMapper json;

    OperatorDecisionRequests(TaskService tasks, IdentityService identity, OperatorDecisionCheck check,
                             ObjectMapper json) {
        this.tasks = tasks;
        this.identity = identity;
        this.check = check;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = COMPLETION.matcher(path(request));
        boolean actAsSessionUser = false;
        if (m.matches() && identity.getCurrentAuthentication() == null && m.group(1) != null) {
            actAsSessionUser = actAsWebappUser(request, m.group(1));
        }
        if (!m.matches() || identity.getCurrentAuthentication() == null) {
            chain.doFilter(request, response); // Camunda's own filters answer an unauthenticated caller
            return;
        }
        try {
            check(request, response, chain, m.group(2));
        } finally {
            if (actAsSessionUser) {
                identity.clearAuthentication();
            }
        }
    }

    /**
     * Acts as the user logged in to the webapps in this session (Tasklist's requests), so that the task is
     * looked up with that user's authorizations; false when no one is.
     */
    private boolean actAsWebappUser(HttpServletRequest request, String engine) {
        var session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Authentication user = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine);
        if (!(user instanceof UserAuthentication authenticated)) {
            return false;
        }
        identity.setAuthentication(authenticated.getIdentityId(), authenticated.getGroupIds(),
                authenticated.getTenantIds());
        return true;
    }

    private void check(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String taskId)
            throws ServletException, IOException {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        String form = task == null || task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
        if (form == null || !OPERATOR_FORM.equals(form) && !FORM_RULES.containsKey(form)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        JsonNode variables = variables(body);
        Optional<String> problem = OPERATOR_FORM.equals(form)
                ? check.problem((String) tasks.getVariable(task.getId(), VMOVE_ID), text(variables, OPERATOR_DECISION),
                        text(variables, CHOSEN_HOST), text(variables, OPERATOR_COMMENT))
                : FORM_RULES.get(form).apply(text(variables, OPERATOR_DECISION), text(variables, OPERATOR_COMMENT));
        if (problem.isPresent()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(JsonNodeFactory.instance.objectNode()
                    .put("type", "InvalidRequestException")
                    .put("message", "Cannot complete task " + task.getId() + ": " + problem.get())
                    .put("code", 0)));
            return;
        }
        chain.doFilter(new BodyReadOnce(request, body), response);
    }

    private JsonNode variables(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            return root != null && root.path("variables").isObject() ? root.get("variables")
                    : JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode(); // engine-rest answers the malformed body itself
        }
    }

    private static String text(JsonNode variables, String name) {
        JsonNode value = variables.path(name).path("value");
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
