package org.instanceha.masakari;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.instanceha.common.CallerScope;
import org.instanceha.common.ForbiddenException;
import org.instanceha.common.Policy;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Before every handler of the API: enforces its {@link PolicyRule}, and leaves what the caller may see in
 * the request for the handler ({@link #scope}). A handler of the API without a rule is refused to everyone,
 * so that a new route is closed until someone decides who may use it.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyCheck implements WebMvcConfigurer {

    private static final String SCOPE = PolicyCheck.class.getName() + ".scope";

    private final Policy policy;

    public PolicyCheck(Policy policy) {
        this.policy = policy;
    }

    /** What the caller of this request may see, as its handler's rule decided. */
    public static CallerScope scope(HttpServletRequest request) {
        Object scope = request.getAttribute(SCOPE);
        if (!(scope instanceof CallerScope callerScope)) {
            throw new ForbiddenException("Policy doesn't allow this operation to be performed.");
        }
        return callerScope;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && guarded(method)) {
                    PolicyRule rule = method.getMethodAnnotation(PolicyRule.class);
                    if (rule == null) {
                        throw new ForbiddenException("Policy doesn't allow this operation to be performed.");
                    }
                    request.setAttribute(SCOPE, policy.enforce(rule.value()));
                }
                return true;
            }
        });
    }

    /** The API's own handlers; the error page is not one. */
    static boolean guarded(HandlerMethod method) {
        Class<?> type = method.getBeanType();
        return type.getPackageName().equals(PolicyCheck.class.getPackageName())
                && type != FaultErrorController.class;
    }
}
