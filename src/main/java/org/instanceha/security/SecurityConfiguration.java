package org.instanceha.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.instanceha.common.PolicyNames;
import org.instanceha.nova.KeystoneSession;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /simulator/**}: the simulated OpenStack (when on), which checks its own Keystone tokens.</li>
 *   <li>{@code /engine-rest/**}: Camunda's own HTTP Basic filter against its identity service, and its
 *       authorizations (Spring Security steps aside).</li>
 *   <li>{@code /camunda/**}: the Camunda webapps, with their own login form, session and CSRF token.</li>
 *   <li>everything else, the v1 API first: any authenticated caller for the v1 API, whose handlers each
 *       enforce their policy rule ({@link ApiPolicy}); the admin role for the rest, except version discovery
 *       and health. In {@code local} mode callers use HTTP Basic against Camunda's identity service; in
 *       {@code keystone} mode they send a Keystone token in {@code X-Auth-Token}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String ENGINE_REST = "/engine-rest";
    /**
     * The dashboard loads only its own scripts, styles and images, is never framed, and posts its
     * forms only to itself; its pages have no inline script or style.
     */
    static final String DASHBOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** The simulated OpenStack checks its own Keystone tokens, as the real one does. */
    @Bean
    @Order(0)
    SecurityFilterChain simulator(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/simulator/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(path(ENGINE_REST + "/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    /**
     * The operator dashboard: a login form against Camunda's identity service (the webapps' users),
     * in {@code keystone} mode also a project users' login against Keystone for "My instances" only,
     * the policy of the v1 API for every other page ({@link ApiPolicy#dashboard}), a session (its cookie SameSite=Lax), CSRF tokens
     * on every form, and a Content-Security-Policy.
     */
    @Bean
    @Order(3)
    SecurityFilterChain dashboard(HttpSecurity http, ApiPolicy policy) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/dashboard/**"), path("/webjars/**"),
                        path("/dashboard-assets/**")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path("/dashboard/login"), path("/dashboard/forbidden"), path("/webjars/**"),
                                path("/dashboard-assets/**"), path("/dashboard/project-login"))
                        .permitAll()
                        // A project user's Keystone login (ProjectLoginController) opens only "My instances".
                        .requestMatchers(path("/dashboard/my-instances"), path("/dashboard/my-instances/**"))
                        .hasAuthority(ProjectLoginController.PROJECT_USER)
                        // The policy decides the rest: by default readers see every page (without its forms,
                        // DashboardAccess) and only admins change things. A project user's session opens no more.
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/dashboard/**"))
                        .access(policy.dashboard(PolicyNames.DASHBOARD_READ))
                        .anyRequest().access(policy.dashboard(PolicyNames.DASHBOARD_WRITE)))
                .formLogin(f -> f.loginPage("/dashboard/login").loginProcessingUrl("/dashboard/login")
                        .defaultSuccessUrl("/dashboard/notifications", true).permitAll())
                .logout(l -> l.logoutUrl("/dashboard/logout").logoutSuccessUrl("/dashboard/login?logout"))
                .exceptionHandling(e -> e.accessDeniedPage("/dashboard/forbidden"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(DASHBOARD_CSP)))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain api(HttpSecurity http, AuthProperties auth, KeystoneTokenValidator keystone,
                            KeystoneSession session) throws Exception {
        boolean keystoneMode = auth.mode() == AuthMode.KEYSTONE;
        var unauthorized = FaultResponses.unauthorized(keystoneMode
                ? () -> "Keystone uri=\"" + keystoneUri(session) + "\""
                : () -> "Basic realm=\"instance-ha\"");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/", "/v1", "/v1/").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        // Each v1 handler names its policy rule, which says who may call it (PolicyCheck).
                        .requestMatchers("/v1/**").authenticated()
                        .anyRequest().hasAnyAuthority(auth.apiAuthorities()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(FaultResponses.forbidden()))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (keystoneMode) {
            http.addFilterBefore(new KeystoneAuthenticationFilter(keystone), BasicAuthenticationFilter.class);
        } else {
            http.httpBasic(b -> b.realmName("instance-ha").authenticationEntryPoint(unauthorized));
        }
        return http.build();
    }

    private static String keystoneUri(KeystoneSession session) {
        try {
            return session.authUrl();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * A path pattern over the whole request URI. The Camunda webapps and engine-rest are Jersey
     * servlets of their own; a Spring MVC matcher would not see their paths.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** With instanceha.public-url set, right after the size limit: requests read as addressed to it. */
    @Bean
    FilterRegistrationBean<PublicUrl> publicUrl(PublicUrlProperties properties) {
        var registration = onEveryRoute(new PublicUrl(properties.publicUrl()), "publicUrl", 1);
        registration.setEnabled(properties.publicUrl() != null);
        return registration;
    }

    /** Right after the size limit and the public URL: password guessing is slowed before any password is checked. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(LoginThrottleProperties properties,
                                                        io.micrometer.core.instrument.MeterRegistry meters) {
        return onEveryRoute(new LoginThrottle(properties, meters), "loginThrottle", 2);
    }

    /** Over TLS, every cookie is marked Secure (after the public URL, which may say a request is https). */
    @Bean
    FilterRegistrationBean<SecureCookies> secureCookies() {
        return onEveryRoute(new SecureCookies(), "secureCookies", 3);
    }

    /** Before anything else, on every route: bodies over the configured size are refused unread. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(HttpProperties properties) {
        return onEveryRoute(new RequestSizeLimit(properties), "requestSizeLimit", 0);
    }

    /** A filter of ours on every route, {@code position} places after the first of all filters. */
    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> onEveryRoute(F filter, String name,
                                                                                            int position) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + position);
        registration.setName(name);
        return registration;
    }

    /** engine-rest has no authentication of its own by default: Camunda's filter with HTTP Basic. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addInitParameter("rest-url-pattern-prefix", ENGINE_REST);
        registration.addUrlPatterns(ENGINE_REST + "/*");
        // Before the filters that act as the authenticated caller (the check of operators' decisions).
        registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
