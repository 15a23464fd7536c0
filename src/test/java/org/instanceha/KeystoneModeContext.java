package org.instanceha;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application in {@code keystone} mode against the simulator's Keystone, for the tests of that mode that run
 * beside the others in the H2 pass (the token API and the project users' dashboard); the classes that carry it
 * share the one context. A cached token is validated again after a second. It is another context on the same
 * test database: its job executor is off, so that it never takes the other context's workflow jobs, and its
 * engine has a name of its own, so that it does not replace theirs as Camunda's "default" engine, the one their
 * engine-rest calls reach.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = InstanceHaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"instanceha.auth.mode=keystone", "instanceha.auth.token-cache-ttl=1s",
                "camunda.bpm.job-execution.enabled=false", "camunda.bpm.process-engine-name=keystoneMode"})
public @interface KeystoneModeContext {
}
