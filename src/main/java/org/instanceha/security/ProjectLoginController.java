package org.instanceha.security;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.instanceha.common.PolicyNames;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.KeystoneClient;
import org.instanceha.nova.ProjectToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's login page, and in {@code keystone} mode the login of project users: their OpenStack user,
 * password and project, checked by Keystone (as Horizon does), for "My instances". The session then holds
 * their own token, with which the dashboard acts for them. Administrators keep the local login.
 */
@Controller
public class ProjectLoginController {

    /** The authority of a session opened by a project user's Keystone login. */
    public static final String PROJECT_USER = "PROJECT_USER";
    private static final Logger log = LoggerFactory.getLogger(ProjectLoginController.class);
    private static final int MAX_FIELD = 255;

    private final AuthProperties auth;
    private final KeystoneClient logins;
    private final ApiPolicy policy;
    private final FailedLogins failedLogins;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public ProjectLoginController(AuthProperties auth, KeystoneClient logins, ApiPolicy policy,
                                  FailedLogins failedLogins) {
        this.auth = auth;
        this.logins = logins;
        this.policy = policy;
        this.failedLogins = failedLogins;
    }

    @GetMapping("/dashboard/login")
    public String login(Model model) {
        model.addAttribute("projectLogin", auth.mode() == AuthMode.KEYSTONE);
        return "login";
    }

    @PostMapping("/dashboard/project-login")
    public String projectLogin(@RequestParam(defaultValue = "") String username,
                               @RequestParam(defaultValue = "") String password,
                               @RequestParam(defaultValue = "") String project,
                               @RequestParam(defaultValue = "Default") String domain,
                               HttpServletRequest request, HttpServletResponse response) {
        if (auth.mode() != AuthMode.KEYSTONE) {
            return "redirect:/dashboard/login";
        }
        if (blankOrLong(username) || blankOrLong(password) || blankOrLong(project) || blankOrLong(domain)) {
            return "redirect:/dashboard/login?projectError=missing";
        }
        Optional<ProjectToken> token;
        try {
            token = logins.login(username, password, project, domain);
        } catch (ComputeException e) {
            log.warn("Project login of {} could not ask Keystone: {}", username, e.getMessage());
            return "redirect:/dashboard/login?projectError=keystone";
        }
        if (token.isEmpty()) {
            failedLogins.wrongPassword("openstack:" + username);
            log.info("Project login refused by Keystone: user {}, project {}", username, project);
            return "redirect:/dashboard/login?projectError=credentials";
        }
        ProjectToken t = token.get();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(t.userName(), null,
                List.of(new SimpleGrantedAuthority(PROJECT_USER)));
        authentication.setDetails(t);
        if (!policy.allowsOwnProject(PolicyNames.DASHBOARD_MY_INSTANCES, authentication)) {
            log.info("Project login of {} in {}: roles {} do not allow {}", username, project, t.roles(),
                    PolicyNames.DASHBOARD_MY_INSTANCES);
            return "redirect:/dashboard/login?projectError=role";
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a new session id on login: no fixation
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        log.info("Project login: {} in project {} ({})", t.userName(), t.projectName(), t.projectId());
        return "redirect:/dashboard/my-instances";
    }

    private static boolean blankOrLong(String value) {
        return value.isBlank() || value.length() > MAX_FIELD;
    }
}
